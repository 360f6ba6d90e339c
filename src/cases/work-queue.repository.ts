import { Injectable } from '@nestjs/common';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseStatus } from 'src/cases/case.enums';
import { DbContext } from 'src/database/db-context';
import { TimerName } from 'src/cases/case-clock.enums';

/** Whose list: a handler's open cases, or what waits for a unit's dispatcher. */
export type WorkQueue = { assigneeId: string } | { dispatcherUnitId: string };

/** A row of a work list: the case and the clock that places it. */
export interface WorkQueueRow {
  entity: CaseEntity;
  /** The sort key as PostgreSQL prints it (`infinity` with no running clock): the cursor keeps it verbatim. */
  nextDue: string;
  nextDueAt: Date | null;
  nextTimer: TimerName | null;
  overdue: boolean;
}

/** On the dispatcher's desk: triaged and waiting for dispatch (returned cases come back triaged), or not accepted. */
const DESK_STATUSES: readonly CaseStatus[] = [CaseStatus.Triaged, CaseStatus.Dispatched];

const NEXT_DUE = `(SELECT min(t.due_at) FROM case_timer t WHERE t.case_id = c.id AND t.state = 'running')`;
const SORT_KEY = `COALESCE(${NEXT_DUE}, 'infinity')`;
// The timer name breaks a tie between two clocks due at the same instant, so the answer does not vary.
const NEXT_TIMER = `(SELECT t.timer FROM case_timer t WHERE t.case_id = c.id AND t.state = 'running'
                      ORDER BY t.due_at, t.timer LIMIT 1)`;
const OVERDUE = `EXISTS (SELECT 1 FROM case_timer t WHERE t.case_id = c.id
                   AND (t.state = 'breached' OR (t.state = 'running' AND t.due_at <= :now)))`;

@Injectable()
export class WorkQueueRepository {
  constructor(private readonly db: DbContext) {}

  /**
   * A work list ordered by the nearest due time of the case's running SLA clocks (cases with none last), then id;
   * keyset after (sort key, id). Always inside `scopePath`. Each clock lookup is a probe of case_timer's case index.
   */
  async page(
    queue: WorkQueue,
    scopePath: string,
    now: Date,
    limit: number,
    after?: { nextDue: string; id: string },
  ): Promise<WorkQueueRow[]> {
    const query = this.db.manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .addSelect(`${SORT_KEY}::text`, 'next_due')
      .addSelect(NEXT_DUE, 'next_due_at')
      .addSelect(NEXT_TIMER, 'next_timer')
      .addSelect(OVERDUE, 'overdue')
      .setParameter('now', now)
      .where('c.owner_path LIKE :prefix', { prefix: `${scopePath}%` })
      .orderBy(SORT_KEY, 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit);
    if ('assigneeId' in queue) {
      query.andWhere('c.assignee_id = :assigneeId AND c.status <> :closed', {
        assigneeId: queue.assigneeId,
        closed: CaseStatus.Closed,
      });
    } else {
      // Literal statuses: they match the partial index idx_case_dispatch_desk.
      query.andWhere(`c.org_unit_id = :unitId AND c.status IN (${DESK_STATUSES.map((s) => `'${s}'`).join(', ')})`, {
        unitId: queue.dispatcherUnitId,
      });
    }
    if (after) {
      query.andWhere(`(${SORT_KEY}, c.id) > (:afterDue::timestamptz, :afterId)`, {
        afterDue: after.nextDue,
        afterId: after.id,
      });
    }
    const { entities, raw } = await query.getRawAndEntities<{
      next_due: string;
      next_due_at: Date | null;
      next_timer: TimerName | null;
      overdue: boolean;
    }>();
    return entities.map((entity, i) => {
      const row = raw[i];
      return {
        entity,
        nextDue: row?.next_due ?? 'infinity',
        nextDueAt: row?.next_due_at ?? null,
        nextTimer: row?.next_timer ?? null,
        overdue: row?.overdue ?? false,
      };
    });
  }
}
