import { shanghaiMidnight } from 'src/common/util/shanghai-time';
import { Injectable } from '@nestjs/common';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseCategory, CaseKind, CasePriority, CaseStatus } from 'src/cases/case.enums';
import { SlaService } from 'src/sla/sla.service';
import { TimerName } from 'src/sla/sla.types';
import { FiredTimer } from 'src/sla/timer-firing.repository';

interface CaseFacts {
  id: string;
  kind: CaseKind;
  category: CaseCategory;
  priority: CasePriority;
  status: CaseStatus;
  disputeArisenOn: string | null;
}

/** The events that close a case: they cancel every clock still running (the demo generator follows them too). */
export const CLOSING_EVENTS: readonly CaseEventType[] = [
  CaseEventType.Closed,
  CaseEventType.Withdrawn,
  CaseEventType.NotAccepted,
  CaseEventType.ClosedAsDuplicate,
  CaseEventType.AnsweredAtIntake,
];

/** Which clocks a case event starts and stops (SPEC §4). Runs inside the command's transaction. */
@Injectable()
export class SlaHooks {
  constructor(private readonly sla: SlaService) {}

  /** A new case: first contact and resolution start when it is received; limitation from when the dispute arose. */
  async onReceived(c: CaseFacts, receivedAt: Date): Promise<void> {
    if (c.status === CaseStatus.Closed) return;
    await this.sla.start(c, [
      { timer: TimerName.FirstContact, from: receivedAt },
      { timer: TimerName.Resolution, from: receivedAt },
      ...(c.disputeArisenOn === null
        ? []
        : [{ timer: TimerName.Limitation, from: new Date(shanghaiMidnight(c.disputeArisenOn)) }]),
    ]);
  }

  /** Starts and stops the event's clocks; returns those it found already past due (breached now, to record). */
  async onEvent(event: CaseEventType, c: CaseFacts, data: Record<string, unknown>): Promise<FiredTimer[]> {
    if (CLOSING_EVENTS.includes(event)) {
      const late = [
        ...(await this.sla.stop(c.id, [TimerName.Resolution])),
        ...(await this.sla.cancel(c.id, [
          TimerName.FirstContact,
          TimerName.Acceptance,
          TimerName.Mediation,
          TimerName.Limitation,
          // No payment can be recorded on a closed case, so an unpaid instalment's clock could only breach.
          TimerName.Instalment,
        ])),
      ];
      await this.sla.start(c, [{ timer: TimerName.Callback }]);
      return late;
    }
    switch (event) {
      case CaseEventType.Dispatched:
      case CaseEventType.Transferred: {
        const late = await this.sla.cancel(c.id, [TimerName.Acceptance]);
        await this.sla.start(c, [{ timer: TimerName.Acceptance }]);
        return late;
      }
      case CaseEventType.Accepted:
      case CaseEventType.Returned:
        return this.sla.stop(c.id, [TimerName.Acceptance]);
      case CaseEventType.ContactRecorded:
        return data.firstWorkerContact === true ? this.sla.stop(c.id, [TimerName.FirstContact]) : [];
      case CaseEventType.MediationStarted:
        await this.sla.start(c, [{ timer: TimerName.Mediation }]);
        return [];
      case CaseEventType.AgreementRecorded:
      case CaseEventType.NoAgreement:
        return this.sla.stop(c.id, [TimerName.Mediation]);
      case CaseEventType.StageRecorded:
        return data.stage === 'arbitration' && data.filedOn !== null ? this.sla.stop(c.id, [TimerName.Limitation]) : [];
      case CaseEventType.CallbackRecorded:
        return this.sla.stop(c.id, [TimerName.Callback]);
      case CaseEventType.Reopened: {
        const late = await this.sla.cancel(c.id, [TimerName.Callback]);
        await this.sla.start(c, [{ timer: TimerName.Resolution }]);
        return late;
      }
      default:
        return [];
    }
  }
}
