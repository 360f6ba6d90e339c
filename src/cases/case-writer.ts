import type { CaseChange } from 'src/cases/case-change';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseHookRegistry } from 'src/cases/case-hooks';
import { caseStateOf } from 'src/cases/case-state';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseRepository } from 'src/cases/case.repository';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { CaseService } from 'src/cases/case.service';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { Clock } from 'src/common/util/clock';

/**
 * The one way a command changes a case: scoped load, conditional update, timeline event, audit entry, the
 * after-write hooks (clocks, notifications), and last the response.
 */
@Injectable()
export class CaseWriter {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
    private readonly caseService: CaseService,
    private readonly auditService: AuditService,
    private readonly hooks: CaseHookRegistry,
    private readonly clock: Clock,
  ) {}

  async requireInScope(actor: Actor, id: string): Promise<CaseEntity> {
    const found = await this.cases.findInScope(id, actor.principal);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Case not found');
    return found;
  }

  /** Records a write that does not change the case row (a note, a link) in the audit log. */
  async audit(actor: Actor, entity: CaseEntity, detail: Record<string, unknown>): Promise<void> {
    await this.auditService.record(actor, {
      action: AuditAction.CaseUpdate,
      targetType: 'case',
      targetId: entity.id,
      scopePath: entity.ownerPath,
      detail,
    });
  }

  /**
   * Applies `change` only if the case is still at `version` (else 409 CASE_VERSION_CONFLICT and the caller's
   * transaction rolls back), then appends the event and the audit entry and runs the after-write hooks on the
   * case as written. Must run inside a transaction.
   */
  async apply(
    actor: Actor,
    entity: CaseEntity,
    version: number,
    change: CaseChange,
    event: CaseEventType,
    data: Record<string, unknown>,
  ): Promise<CaseResponseDto> {
    const newVersion = await this.cases.updateIfVersion(entity.id, version, change);
    if (newVersion === undefined) {
      // Not entity.version: that is what this command read, and the winner of a race has moved it on since.
      throw new DomainError(ErrorCode.VersionConflict, 'The case was changed by someone else; reload and retry', {
        currentVersion: (await this.cases.versionOf(entity.id)) ?? entity.version,
      });
    }
    await this.events.append(entity.id, event, actor.principal.userId, newVersion, data);
    await this.audit(actor, entity, { event });
    // Read back unscoped: a return or transfer moves the case out of the caller's subtree in this very command.
    const written = await this.cases.findAfterWrite(entity.id);
    await this.hooks.afterWrite({
      event,
      data,
      before: caseStateOf(entity),
      after: caseStateOf(written),
      at: this.clock.now(),
    });
    return this.caseService.respond(written);
  }
}
