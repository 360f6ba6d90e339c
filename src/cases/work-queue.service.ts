import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { WorkQueueQueryDto } from 'src/cases/case-query.dto';
import { toCaseSummary } from 'src/cases/case-response.dto';
import { WorkItemDto, WorkItemPageDto } from 'src/cases/work-queue.dto';
import { WorkQueue, WorkQueueRepository, WorkQueueRow } from 'src/cases/work-queue.repository';
import { decodeCursor, isPgTimestamp, isUuid, keysetPage } from 'src/common/http/cursor';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { Clock } from 'src/common/util/clock';

/** A due-time key as PostgreSQL prints timestamptz, or `infinity` for a case with no running clock. */
const isDueKey = (part: string): boolean => part === 'infinity' || isPgTimestamp(part);

function toWorkItem(row: WorkQueueRow): WorkItemDto {
  return Object.assign(toCaseSummary(row.entity), {
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    nextTimer: row.nextTimer,
    overdue: row.overdue,
  });
}

/** The work lists: a handler's own cases and a unit's dispatch desk, each nearest deadline first. */
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly queues: WorkQueueRepository,
    private readonly units: OrgUnitService,
    private readonly clock: Clock,
  ) {}

  /** `GET /me/cases`: the caller's open cases. */
  async myCases(actor: Actor, query: WorkQueueQueryDto): Promise<WorkItemPageDto> {
    return this.page({ assigneeId: actor.principal.userId }, actor.principal.unitPath, query);
  }

  /**
   * `GET /units/:id/inbox`: what waits for the unit's dispatcher — its triaged cases (new or returned to it) to
   * dispatch, and the cases dispatched to it that nobody has accepted yet.
   */
  async inbox(actor: Actor, unitId: string, query: WorkQueueQueryDto): Promise<WorkItemPageDto> {
    const unit = await this.units.requireInScope(unitId, actor.principal);
    return this.page({ dispatcherUnitId: unit.id }, unit.path, query);
  }

  private async page(queue: WorkQueue, scopePath: string, query: WorkQueueQueryDto): Promise<WorkItemPageDto> {
    let after: { nextDue: string; id: string } | undefined;
    if (query.cursor !== undefined) {
      const [nextDue = '', id = ''] = decodeCursor(query.cursor, [isDueKey, isUuid]);
      after = { nextDue, id };
    }
    const rows = await this.queues.page(queue, scopePath, this.clock.now(), query.limit + 1, after);
    return keysetPage(rows, query.limit, toWorkItem, (r) => [r.nextDue, r.entity.id]);
  }
}
