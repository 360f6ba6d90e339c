import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseWriter } from 'src/cases/case-writer';
import { DbContext } from 'src/database/db-context';
import { SlaService } from 'src/sla/sla.service';
import { CaseTimerDto } from 'src/workflow/workflow-query.dto';
import { WorkflowQueryService } from 'src/workflow/workflow-query.service';

/** Pausing and resuming a case's clock: scoped like any case command, on the timeline and in the audit log. */
@Injectable()
export class TimerCommandService {
  constructor(
    private readonly db: DbContext,
    private readonly writer: CaseWriter,
    private readonly events: CaseEventRepository,
    private readonly sla: SlaService,
    private readonly queries: WorkflowQueryService,
  ) {}

  async pause(actor: Actor, caseId: string, timerId: string, reason: string): Promise<CaseTimerDto[]> {
    await this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, caseId);
      const timer = await this.sla.pause(entity.id, timerId);
      await this.events.append(entity.id, CaseEventType.TimerPaused, actor.principal.userId, entity.version, {
        timerId,
        timer: timer.timer,
        reason,
      });
      await this.writer.audit(actor, entity, { event: CaseEventType.TimerPaused, timerId });
    });
    return this.queries.timers(actor, caseId);
  }

  async resume(actor: Actor, caseId: string, timerId: string): Promise<CaseTimerDto[]> {
    await this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, caseId);
      const timer = await this.sla.resume(entity.id, timerId);
      await this.events.append(entity.id, CaseEventType.TimerResumed, actor.principal.userId, entity.version, {
        timerId,
        timer: timer.timer,
      });
      await this.writer.audit(actor, entity, { event: CaseEventType.TimerResumed, timerId });
    });
    return this.queries.timers(actor, caseId);
  }
}
