import { Injectable } from '@nestjs/common';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { yuanToFen } from 'src/common/money/money';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { SlaService } from 'src/sla/sla.service';
import { TimerName, TimerState } from 'src/sla/sla.types';
import { FiredTimer } from 'src/sla/timer-firing.repository';
import { instalmentDueAt, splitPaid } from 'src/workflow/effects/instalments';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';

/**
 * One `instalment` clock per agreed instalment (ref = the instalment's id), due at the end of its agreed day.
 * The ledger decides what is paid: money recovered pays instalments in due-date order, as the ledger view shows.
 * Runs in the command's transaction, after the case row is written (so `recovered` includes this payment).
 */
@Injectable()
export class InstalmentClocks {
  constructor(
    private readonly records: WorkflowRecordsRepository,
    private readonly sla: SlaService,
    private readonly timers: CaseTimerRepository,
  ) {}

  /** As SlaHooks.onEvent: returns the instalment clocks found already past due (breached now, to record). */
  async onEvent(event: CaseEventType, after: CaseResponseDto): Promise<FiredTimer[]> {
    switch (event) {
      case CaseEventType.AgreementRecorded: {
        // A new agreement replaces the schedule (and its instalment ids): the old schedule's clocks go.
        const late = await this.sla.cancel(after.id, [TimerName.Instalment]);
        await this.startOwed(after, new Set());
        return late;
      }
      case CaseEventType.Reopened:
        // Closing cancelled the clocks of what was still owed; an instalment that already breached stays breached.
        await this.startOwed(
          after,
          new Set(await this.timers.refsIn(after.id, TimerName.Instalment, [TimerState.Breached])),
        );
        return [];
      case CaseEventType.PaymentRecorded:
      case CaseEventType.PaymentCorrected: {
        // A correction that un-pays an instalment does not restart its clock; the ledger view shows it owed.
        const { paid } = await this.schedule(after);
        return this.sla.stop(
          after.id,
          [TimerName.Instalment],
          paid.map((i) => i.id),
        );
      }
      default:
        return [];
    }
  }

  private async startOwed(after: CaseResponseDto, skip: Set<string>): Promise<void> {
    const { owed } = await this.schedule(after);
    await this.sla.start(
      after,
      owed
        .filter((i) => !skip.has(i.id))
        .map((i) => ({ timer: TimerName.Instalment, ref: i.id, dueAt: instalmentDueAt(i.dueOn) })),
    );
  }

  private async schedule(after: CaseResponseDto) {
    const instalments = await this.records.instalmentsOf(after.id);
    return splitPaid(
      instalments.map((i) => ({ id: i.id, seq: i.seq, dueOn: i.dueOn, amountFen: BigInt(i.amountFen) })),
      yuanToFen(after.recovered),
    );
  }
}
