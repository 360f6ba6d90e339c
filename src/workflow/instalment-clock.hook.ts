import { Injectable } from '@nestjs/common';
import { CaseEventType } from 'src/cases/case-event.entity';
import type { CaseHook, CaseWrite } from 'src/cases/case-hooks';
import type { CaseState } from 'src/cases/case-state';
import { TimerName, TimerState } from 'src/cases/case-clock.enums';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { SlaService } from 'src/sla/sla.service';
import { instalmentDueAt, splitPaid } from 'src/workflow/effects/instalments';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';

/**
 * One `instalment` clock per agreed instalment (ref = the instalment's id), due at the end of its agreed day.
 * The ledger decides what is paid: money recovered pays instalments in due-date order, as the ledger view shows.
 * Runs after the case row is written, so the case's recovered money includes this payment.
 */
@Injectable()
export class InstalmentClockHook implements CaseHook {
  constructor(
    private readonly records: WorkflowRecordsRepository,
    private readonly sla: SlaService,
    private readonly timers: CaseTimerRepository,
  ) {}

  async afterWrite({ event, after }: CaseWrite): Promise<void> {
    switch (event) {
      case CaseEventType.AgreementRecorded:
        // A new agreement replaces the schedule (and its instalment ids): the old schedule's clocks go.
        await this.sla.cancel(after.id, [TimerName.Instalment]);
        await this.startOwed(after, new Set());
        return;
      case CaseEventType.Reopened:
        // Closing cancelled the clocks of what was still owed; an instalment that already breached stays breached.
        await this.startOwed(
          after,
          new Set(await this.timers.refsIn(after.id, TimerName.Instalment, [TimerState.Breached])),
        );
        return;
      case CaseEventType.PaymentRecorded:
      case CaseEventType.PaymentCorrected: {
        // A correction that un-pays an instalment does not restart its clock; the ledger view shows it owed.
        const { paid } = await this.schedule(after);
        await this.sla.stop(
          after.id,
          [TimerName.Instalment],
          paid.map((i) => i.id),
        );
        return;
      }
      default:
        return;
    }
  }

  private async startOwed(after: CaseState, skip: Set<string>): Promise<void> {
    const { owed } = await this.schedule(after);
    await this.sla.start(
      after,
      owed
        .filter((i) => !skip.has(i.id))
        .map((i) => ({ timer: TimerName.Instalment, ref: i.id, dueAt: instalmentDueAt(i.dueOn) })),
    );
  }

  private async schedule(after: CaseState) {
    const instalments = await this.records.instalmentsOf(after.id);
    return splitPaid(
      instalments.map((i) => ({ id: i.id, seq: i.seq, dueOn: i.dueOn, amountFen: BigInt(i.amountFen) })),
      after.recoveredFen,
    );
  }
}
