import { REOPEN_WINDOW_MS } from 'src/workflow/effects/closure.effects';
import { CallDisposition } from 'src/calls/call.entity';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CallbackResult, CaseOutcome, CasePriority, CaseStatus } from 'src/cases/case.enums';
import { HOUR_MS } from 'src/sla/business-calendar';
import { close, closeAs, dispatch, pay, proposeClosure, recordCallback, recordContact } from 'src/seed/history/actions';
import { CaseProfile } from 'src/seed/history/case-profile';
import { handle } from 'src/seed/history/handling';
import { UnitRef } from 'src/seed/history/history.types';
import { Weighted } from 'src/seed/history/rng';
import { Story } from 'src/seed/history/story';

/** Who works this case. */
export interface Cast {
  operator: string;
  /** The operator's unit (the city): calls are logged there. */
  operatorUnit: string;
  /** Dispatcher of the unit that received the case: dispatches it and confirms its closure. */
  dispatcher: string;
  /** Mediators of a union (the first of the owning union accepts the case). */
  mediatorsOf: (unitId: string) => readonly string[];
  legal: string;
  /** Makes the follow-up call: someone other than the handler. */
  callbackBy: string;
  /** An earlier case this one may duplicate (none for the first case). */
  original: () => { id: string; number: string } | undefined;
}

/** A consultation not answered on the spot: classified, then answered (the callback clock starts). */
export function consultation(s: Story, cast: Cast): void {
  classify(s, cast.operator, 1);
  s.waitHours(3, 1.2);
  closeAs(s, cast.operator, CaseOutcome.Answered, CaseEventType.AnsweredAtIntake);
  followUp(s, cast, 0.9, false);
}

/** A complaint, dispute or hardship case: triage, dispatch, acceptance, handling, closure, follow-up. */
export function dispute(s: Story, p: CaseProfile, cast: Cast): void {
  const pace = p.priority === CasePriority.Critical ? 0.15 : p.priority === CasePriority.Urgent ? 0.5 : 1;
  classify(s, cast.operator, pace);
  const r = s.rng.float();
  if (r < 0.06) {
    s.waitHours(0.5, 1);
    const original = r < 0.02 ? cast.original() : undefined;
    if (original) {
      const { id, number } = original;
      const [caseA, caseB] = s.row.id < id ? [s.row.id, id] : [id, s.row.id];
      s.out.links.push({ caseA, caseB, createdBy: cast.operator, createdAt: s.t });
      closeAs(s, cast.operator, CaseOutcome.Duplicate, CaseEventType.ClosedAsDuplicate, {
        originalCaseId: id,
        number,
        reason: '与在办案件为同一事项',
      });
    } else if (r < 0.045) {
      closeAs(s, cast.dispatcher, CaseOutcome.NotAccepted, CaseEventType.NotAccepted, {
        reason: '不属于工会受理范围，已告知向有关部门反映',
      });
    } else {
      closeAs(s, cast.operator, CaseOutcome.Withdrawn, CaseEventType.Withdrawn, { reason: '劳动者表示已自行解决' });
    }
    followUp(s, cast, 0.8, false);
    return;
  }
  s.waitHours(0.7 * pace, 1);
  dispatch(s, cast.dispatcher, p.handlingUnit);
  rerouteMaybe(s, p, cast);
  acceptAndContact(s, cast, pace);
  if (s.rng.chance(0.6)) {
    s.waitHours(20, 1);
    recordContact(s, s.row.assigneeId ?? cast.operator, 'employer');
  }
  if (s.rng.chance(0.06)) {
    s.waitHours(48, 1);
    attachCall(s, cast.operator, cast.operatorUnit);
  }
  handle(s, p, cast);
  followUp(s, cast, s.row.outcome === CaseOutcome.Withdrawn ? 0.85 : 0.96, true);
}

function classify(s: Story, by: string, pace: number): void {
  s.waitHours(0.4 * pace, 1);
  const r = s.row;
  s.apply(
    CaseEventType.Classified,
    by,
    {
      from: { kind: r.kind, category: r.category, priority: r.priority, status: r.status },
      to: { kind: r.kind, category: r.category, priority: r.priority },
    },
    { status: CaseStatus.Triaged },
  );
}

/** Now and then the receiving union hands the case back, or the dispatcher moves it to another union. */
function rerouteMaybe(s: Story, p: CaseProfile, cast: Cast): void {
  const others: UnitRef[] = p.district.streets.filter((u) => u.id !== p.handlingUnit.id);
  const elsewhere = others.length > 0 ? s.rng.pick(others) : undefined;
  if (!elsewhere) return;
  const r = s.rng.float();
  if (r < 0.04) {
    s.waitHours(3, 1, true);
    const back = p.intakeUnit;
    s.apply(
      CaseEventType.Returned,
      cast.mediatorsOf(s.row.orgUnitId)[0] ?? cast.dispatcher,
      { from: s.row.orgUnitId, to: back.id, reason: '事发地不在本街道辖区' },
      { status: CaseStatus.Triaged, orgUnitId: back.id, ownerPath: back.path, assigneeId: null },
    );
    s.waitHours(1, 1);
    dispatch(s, cast.dispatcher, elsewhere);
  } else if (r < 0.07) {
    s.waitHours(2, 1);
    s.apply(
      CaseEventType.Transferred,
      cast.dispatcher,
      { from: s.row.orgUnitId, to: elsewhere.id, reason: '用人单位注册地在其他街道' },
      { orgUnitId: elsewhere.id, ownerPath: elsewhere.path, assigneeId: null },
    );
  }
}

/** The first contact with the worker and the acceptance race each other; either may come first. */
function acceptAndContact(s: Story, cast: Cast, pace: number): void {
  const [handler = cast.legal, other] = cast.mediatorsOf(s.row.orgUnitId);
  const contactAt = s.t + s.rng.logNormal(2.5 * pace, 1) * HOUR_MS * s.pace;
  const acceptAt = s.afterWorking(s.rng.logNormal(4 * pace, 1.1) * HOUR_MS);
  const accept = () => {
    s.apply(CaseEventType.Accepted, handler, { handler }, { status: CaseStatus.InProgress, assigneeId: handler });
  };
  if (contactAt < acceptAt) {
    s.waitUntil(contactAt);
    recordContact(s, handler, 'worker');
    s.waitUntil(acceptAt);
    accept();
  } else {
    s.waitUntil(acceptAt);
    accept();
    s.waitUntil(contactAt);
    recordContact(s, handler, 'worker');
  }
  if (other !== undefined && s.rng.chance(0.02)) {
    s.waitHours(30, 0.8);
    s.apply(
      CaseEventType.Reassigned,
      cast.dispatcher,
      { from: s.row.assigneeId, to: other, reason: '原承办人休假，调整承办人' },
      { assigneeId: other },
    );
  }
}

function attachCall(s: Story, operator: string, operatorUnit: string): void {
  const summary = '劳动者再次来电询问办理进度';
  s.out.calls.push({
    id: s.rng.uuid(),
    channel: s.row.channel,
    operatorId: operator,
    orgUnitId: operatorUnit,
    startedAt: s.t - 5 * 60 * 1000,
    endedAt: s.t - 30 * 1000,
    callerPartyId: s.row.workerPartyId,
    summary,
    disposition: CallDisposition.AttachedToCase,
    caseId: s.row.id,
  });
  s.note(CaseEventType.CallAttached, operator, { summary });
}

type Mood = 'good' | 'mixed' | 'poor';
const SATISFACTION: Record<Mood, Weighted<CallbackResult>> = {
  good: Weighted.of<CallbackResult>({ satisfied: 80, basically_satisfied: 13, dissatisfied: 2, unreachable: 5 }),
  mixed: Weighted.of<CallbackResult>({ satisfied: 45, basically_satisfied: 32, dissatisfied: 13, unreachable: 10 }),
  poor: Weighted.of<CallbackResult>({ satisfied: 25, basically_satisfied: 30, dissatisfied: 30, unreachable: 15 }),
};
const MOOD: Partial<Record<CaseOutcome, Mood>> = {
  [CaseOutcome.PartiallyResolved]: 'mixed',
  [CaseOutcome.ReferredOut]: 'mixed',
  [CaseOutcome.Withdrawn]: 'mixed',
  [CaseOutcome.Unresolved]: 'poor',
  [CaseOutcome.NotAccepted]: 'poor',
};

/**
 * The follow-up call after closure (most are made, a few late or never, which the callback clock records);
 * a dissatisfied worker may have the case reopened within 30 days, worked again and closed again.
 */
export function followUp(s: Story, cast: Cast, made: number, mayReopen: boolean): void {
  if (s.status !== CaseStatus.Closed || !s.rng.chance(made)) return;
  s.waitHours(24, 0.7, true);
  const mood = MOOD[s.row.outcome ?? CaseOutcome.Answered] ?? 'good';
  const result = SATISFACTION[mood].draw(s.rng);
  recordCallback(s, cast.callbackBy, result);
  if (!mayReopen || result !== CallbackResult.Dissatisfied || !s.rng.chance(0.35)) return;
  s.waitHours(48, 0.6);
  const closedAt = s.row.closedAt ?? 0;
  if (s.t - closedAt > REOPEN_WINDOW_MS) return;
  s.apply(
    CaseEventType.Reopened,
    cast.dispatcher,
    { reason: '回访不满意，重新办理', previousOutcome: s.row.outcome },
    {
      status: CaseStatus.InProgress,
      outcome: null,
      closedAt: null,
      lastCallbackResult: null,
      reopenCount: s.row.reopenCount + 1,
    },
  );
  const handler = s.row.assigneeId ?? cast.legal;
  s.waitHours(72, 0.6, true);
  const left = s.row.claimedFen - s.row.recoveredFen;
  if (left > 0 && s.rng.chance(0.4)) pay(s, handler, Math.round(left * s.rng.uniform(0.2, 0.8)));
  s.waitHours(24, 0.6, true);
  const outcome = Weighted.of<CaseOutcome>({
    [CaseOutcome.ResolvedByNegotiation]: 50,
    [CaseOutcome.PartiallyResolved]: 30,
    [CaseOutcome.Unresolved]: 20,
  }).draw(s.rng);
  proposeClosure(s, handler, outcome);
  s.waitHours(8, 0.8, true);
  close(s, cast.dispatcher);
  followUp(s, cast, 0.95, false);
}
