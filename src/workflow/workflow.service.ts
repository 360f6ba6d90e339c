import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { CallbackResult, CaseOutcome } from 'src/cases/case.enums';
import { CaseRepository } from 'src/cases/case.repository';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { CaseWriter } from 'src/cases/case-writer';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { resolveVersion } from 'src/common/http/version';
import { DbContext } from 'src/database/db-context';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { UserRepository } from 'src/users/user.repository';
import { CallbackRepository } from 'src/workflow/callback.repository';
import { allowedCommands, CaseCommand, WORKFLOW } from 'src/workflow/workflow.definition';
import {
  CloseDto,
  DispatchDto,
  DuplicateDto,
  ProposeClosureDto,
  ReassignDto,
  ReasonDto,
  RecordCallbackDto,
  RecordContactDto,
  TransferDto,
  UrgeDto,
} from 'src/workflow/workflow.dto';
import { VersionedDto } from 'src/cases/case.dto';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** What a command does beyond the status change the definition declares. */
interface Effect {
  changes: QueryDeepPartialEntity<CaseEntity>;
  event: CaseEventType;
  data: Record<string, unknown>;
}

const REOPEN_WINDOW_MS = 30 * 24 * 3600 * 1000;
const CASEWORKERS: readonly Role[] = [Role.Mediator, Role.LegalAid];

const refuse = (message: string, entity: CaseEntity, details: Record<string, unknown> = {}): never => {
  throw new DomainError(ErrorCode.IllegalTransition, message, { status: entity.status, ...details });
};

@Injectable()
export class WorkflowService {
  constructor(
    private readonly db: DbContext,
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
    private readonly units: OrgUnitService,
    private readonly users: UserRepository,
    private readonly callbacks: CallbackRepository,
  ) {}

  /**
   * Runs one command of the declared machine in one transaction: scope (404), role (403), current status (409
   * with the commands allowed now), the command's own rules, then the conditional update (409 on a stale
   * version), the timeline event and the audit entry.
   */
  async execute(
    actor: Actor,
    id: string,
    command: CaseCommand,
    dto: VersionedDto,
    ifMatch?: string,
  ): Promise<CaseResponseDto> {
    const rule = WORKFLOW[command];
    const version = resolveVersion(dto.version, ifMatch);
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, id);
      const roles = actor.principal.roles;
      if (!rule.roles.some((role) => roles.includes(role))) {
        throw new DomainError(ErrorCode.Forbidden, `Requires one of the roles: ${rule.roles.join(', ')}`);
      }
      if (!rule.from.includes(entity.status)) {
        refuse(`Cannot ${command} a case that is ${entity.status}`, entity, {
          allowedCommands: allowedCommands(entity.status, roles),
        });
      }
      const effect = await this.effect(actor, entity, command, dto);
      const changes = { ...effect.changes, status: rule.to ?? entity.status };
      return this.writer.apply(actor, entity, version, changes, effect.event, effect.data);
    });
  }

  private async effect(actor: Actor, entity: CaseEntity, command: CaseCommand, dto: VersionedDto): Promise<Effect> {
    const now = new Date();
    const closing = (outcome: CaseOutcome, event: CaseEventType, data: Record<string, unknown>): Effect => ({
      changes: { outcome, closedAt: now, proposedOutcome: null },
      event,
      data: { outcome, ...data },
    });
    switch (command) {
      case CaseCommand.Dispatch: {
        const d = dto as DispatchDto;
        const target = await this.units.requireInScope(d.orgUnitId, actor.principal);
        const assigneeId = d.assigneeId === undefined ? null : await this.requireCaseworker(d.assigneeId, target.path);
        return {
          changes: { orgUnitId: target.id, ownerPath: target.path, dispatchedFromUnitId: entity.orgUnitId, assigneeId },
          event: CaseEventType.Dispatched,
          data: { orgUnitId: target.id, assigneeId, note: d.note ?? null },
        };
      }
      case CaseCommand.Transfer: {
        const d = dto as TransferDto;
        const target = await this.units.requireInScope(d.orgUnitId, actor.principal);
        if (target.id === entity.orgUnitId) refuse('The case is already with that union', entity);
        return {
          changes: { orgUnitId: target.id, ownerPath: target.path, assigneeId: null },
          event: CaseEventType.Transferred,
          data: { from: entity.orgUnitId, to: target.id, reason: d.reason },
        };
      }
      case CaseCommand.Return: {
        const d = dto as ReasonDto;
        // Back to the dispatching unit, usually above the returning union and so outside its users' scope.
        const back = await this.units.routingTarget(entity.dispatchedFromUnitId ?? actor.principal.unitId);
        return {
          changes: { orgUnitId: back.id, ownerPath: back.path, assigneeId: null },
          event: CaseEventType.Returned,
          data: { from: entity.orgUnitId, to: back.id, reason: d.reason },
        };
      }
      case CaseCommand.Accept:
        return {
          changes: { assigneeId: actor.principal.userId },
          event: CaseEventType.Accepted,
          data: { handler: actor.principal.userId },
        };
      case CaseCommand.Urge:
        return { changes: {}, event: CaseEventType.Urged, data: { note: (dto as UrgeDto).note } };
      case CaseCommand.Reassign: {
        const d = dto as ReassignDto;
        const assigneeId = await this.requireCaseworker(d.assigneeId, entity.ownerPath);
        return {
          changes: { assigneeId },
          event: CaseEventType.Reassigned,
          data: { from: entity.assigneeId, to: assigneeId, reason: d.reason },
        };
      }
      case CaseCommand.RecordContact: {
        const d = dto as RecordContactDto;
        const first = d.with === 'worker' && entity.firstWorkerContactAt === null;
        return {
          changes: first ? { firstWorkerContactAt: now } : {},
          event: CaseEventType.ContactRecorded,
          data: { with: d.with, method: d.method, note: d.note ?? null, firstWorkerContact: first },
        };
      }
      case CaseCommand.AnswerAtIntake:
        return closing(CaseOutcome.Answered, CaseEventType.AnsweredAtIntake, {});
      case CaseCommand.ProposeClosure: {
        const d = dto as ProposeClosureDto;
        return {
          changes: { proposedOutcome: d.outcome },
          event: CaseEventType.ClosureProposed,
          data: { outcome: d.outcome, note: d.note ?? null },
        };
      }
      case CaseCommand.Close: {
        const d = dto as CloseDto;
        return closing(d.outcome, CaseEventType.Closed, { proposed: entity.proposedOutcome, note: d.note ?? null });
      }
      case CaseCommand.Withdraw:
        return closing(CaseOutcome.Withdrawn, CaseEventType.Withdrawn, { reason: (dto as ReasonDto).reason });
      case CaseCommand.NotAccepted:
        return closing(CaseOutcome.NotAccepted, CaseEventType.NotAccepted, { reason: (dto as ReasonDto).reason });
      case CaseCommand.Duplicate: {
        const d = dto as DuplicateDto;
        if (d.originalCaseId === entity.id) refuse('A case cannot duplicate itself', entity);
        const original = await this.writer.requireInScope(actor, d.originalCaseId);
        await this.cases.link(entity.id, original.id, actor.principal.userId);
        return closing(CaseOutcome.Duplicate, CaseEventType.ClosedAsDuplicate, {
          originalCaseId: original.id,
          number: original.number,
          reason: d.reason,
        });
      }
      case CaseCommand.RecordCallback: {
        const d = dto as RecordCallbackDto;
        if (entity.assigneeId === actor.principal.userId)
          refuse('The callback must be made by someone other than the handler', entity);
        const attempts = d.attempts ?? 1;
        await this.callbacks.insert({
          caseId: entity.id,
          result: d.result,
          attempts,
          note: d.note ?? '',
          recordedBy: actor.principal.userId,
        });
        return {
          changes: { lastCallbackResult: d.result },
          event: CaseEventType.CallbackRecorded,
          data: { result: d.result, attempts },
        };
      }
      case CaseCommand.Reopen: {
        const d = dto as ReasonDto;
        if (entity.lastCallbackResult !== CallbackResult.Dissatisfied) {
          refuse('Only a case whose callback found the worker dissatisfied may be reopened', entity, {
            lastCallbackResult: entity.lastCallbackResult,
          });
        }
        if (entity.closedAt === null || now.getTime() - entity.closedAt.getTime() > REOPEN_WINDOW_MS) {
          refuse('A case may be reopened only within 30 days of closure', entity, { closedAt: entity.closedAt });
        }
        return {
          changes: { outcome: null, closedAt: null, lastCallbackResult: null, reopenCount: () => 'reopen_count + 1' },
          event: CaseEventType.Reopened,
          data: { reason: d.reason, previousOutcome: entity.outcome },
        };
      }
    }
  }

  /** A mediator or legal-aid user whose home unit is within `unitPath` (so they will see the case). */
  private async requireCaseworker(userId: string, unitPath: string): Promise<string> {
    const user = await this.users.findInScope(userId, { unitPath });
    if (!user?.active || !user.roles.some((role) => CASEWORKERS.includes(role))) {
      throw new DomainError(
        ErrorCode.NotFound,
        'Assignee not found among the mediators and legal-aid staff of that union',
      );
    }
    return user.id;
  }
}
