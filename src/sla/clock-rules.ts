import { CaseEventType } from 'src/cases/case-event.entity';
import { TimerName } from 'src/cases/case-clock.enums';
import { CaseStatus } from 'src/cases/case.enums';
import { shanghaiMidnight } from 'src/common/util/shanghai-time';

/**
 * Which clocks a case event stops, cancels and starts (SPEC §4), as data: the live after-write hook and the demo
 * history generator both run these rules, so the seeded clocks are the clocks the service would have left.
 * Applied in that order — stop, cancel, start — so an event may restart a clock it ends (a transfer's acceptance).
 */
export interface ClockRule {
  /** Stopped: met when on time. */
  stop?: readonly TimerName[];
  /** Ended as no longer needed: cancelled when on time. */
  cancel?: readonly TimerName[];
  start?: readonly TimerName[];
  /** The rule applies only to events whose data says so. */
  when?: (data: Record<string, unknown>) => boolean;
}

/** What the rules need to know of the case. */
export interface ClockFacts {
  status: CaseStatus;
  disputeArisenOn: string | null;
}

const CLOSING: ClockRule = {
  stop: [TimerName.Resolution],
  // No payment can be recorded on a closed case, so an unpaid instalment's clock could only breach.
  cancel: [
    TimerName.FirstContact,
    TimerName.Acceptance,
    TimerName.Mediation,
    TimerName.Limitation,
    TimerName.Instalment,
  ],
  start: [TimerName.Callback],
};

/** The events that close a case: they cancel every clock still running. */
export const CLOSING_EVENTS: readonly CaseEventType[] = [
  CaseEventType.Closed,
  CaseEventType.Withdrawn,
  CaseEventType.NotAccepted,
  CaseEventType.ClosedAsDuplicate,
  CaseEventType.AnsweredAtIntake,
];

export const CLOCK_RULES: Readonly<Partial<Record<CaseEventType, ClockRule>>> = {
  // Limitation runs from the day the dispute arose, when known (see clockStartsOf).
  [CaseEventType.Received]: { start: [TimerName.FirstContact, TimerName.Resolution, TimerName.Limitation] },
  ...Object.fromEntries(CLOSING_EVENTS.map((event) => [event, CLOSING])),
  [CaseEventType.Dispatched]: { cancel: [TimerName.Acceptance], start: [TimerName.Acceptance] },
  [CaseEventType.Transferred]: { cancel: [TimerName.Acceptance], start: [TimerName.Acceptance] },
  [CaseEventType.Accepted]: { stop: [TimerName.Acceptance] },
  [CaseEventType.Returned]: { stop: [TimerName.Acceptance] },
  [CaseEventType.ContactRecorded]: { stop: [TimerName.FirstContact], when: (data) => data.firstWorkerContact === true },
  [CaseEventType.MediationStarted]: { start: [TimerName.Mediation] },
  [CaseEventType.AgreementRecorded]: { stop: [TimerName.Mediation] },
  [CaseEventType.NoAgreement]: { stop: [TimerName.Mediation] },
  [CaseEventType.StageRecorded]: {
    stop: [TimerName.Limitation],
    when: (data) => data.stage === 'arbitration' && data.filedOn !== null,
  },
  [CaseEventType.CallbackRecorded]: { stop: [TimerName.Callback] },
  [CaseEventType.Reopened]: { cancel: [TimerName.Callback], start: [TimerName.Resolution] },
};

/** The rule for this event, or undefined when the event moves no clock. */
export function clockRuleOf(event: CaseEventType, data: Record<string, unknown>): ClockRule | undefined {
  const rule = CLOCK_RULES[event];
  return rule && (rule.when === undefined || rule.when(data)) ? rule : undefined;
}

/**
 * The clocks the rule starts for this case and where each starts from (the event's time unless said otherwise).
 * A case created closed (a consultation answered on the spot) starts none; limitation needs the dispute's date.
 */
export function clockStartsOf(
  event: CaseEventType,
  rule: ClockRule,
  facts: ClockFacts,
  at: Date,
): { timer: TimerName; from: Date }[] {
  if (event === CaseEventType.Received && facts.status === CaseStatus.Closed) return [];
  return (rule.start ?? []).flatMap((timer) => {
    if (timer !== TimerName.Limitation || event !== CaseEventType.Received) return [{ timer, from: at }];
    return facts.disputeArisenOn === null ? [] : [{ timer, from: new Date(shanghaiMidnight(facts.disputeArisenOn)) }];
  });
}
