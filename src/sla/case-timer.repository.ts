import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { CaseTimerEntity } from 'src/sla/case-timer.entity';
import { TimerName } from 'src/sla/sla.types';

export type NewTimer = Omit<
  CaseTimerEntity,
  'id' | 'case' | 'deadlineVersion' | 'pausedSince' | 'pausedTotalMs' | 'warnedAt' | 'metAt' | 'breachedAt'
>;

@Injectable()
export class CaseTimerRepository {
  constructor(private readonly db: DbContext) {}

  /** Starts clocks in one INSERT; one already active (same case, timer and ref) is left running as it is. */
  async start(timers: NewTimer[]): Promise<void> {
    if (timers.length === 0) return;
    await this.db.manager.createQueryBuilder().insert().into(CaseTimerEntity).values(timers).orIgnore().execute();
  }

  /**
   * Stops the active clocks named: met when stopped by its due time, breached (at its due time) when later,
   * and cancelled when `cancel` — a closed case no longer needs a first contact. One UPDATE.
   */
  async stop(caseId: string, timers: TimerName[], at: Date, cancel = false): Promise<void> {
    if (timers.length === 0) return;
    await this.db.manager.query(
      `UPDATE case_timer SET
         state = CASE WHEN $4 THEN 'cancelled'::timer_state
                      WHEN $3 <= due_at THEN 'met'::timer_state ELSE 'breached'::timer_state END,
         met_at = CASE WHEN NOT $4 AND $3 <= due_at THEN $3::timestamptz ELSE NULL END,
         breached_at = CASE WHEN NOT $4 AND $3 > due_at THEN due_at ELSE breached_at END
       WHERE case_id = $1 AND timer = ANY($2::timer_name[]) AND state IN ('running', 'paused')`,
      [caseId, timers, at, cancel],
    );
  }

  async listForCase(caseId: string): Promise<CaseTimerEntity[]> {
    return this.db.manager.find(CaseTimerEntity, { where: { caseId }, order: { startedAt: 'ASC', timer: 'ASC' } });
  }
}
