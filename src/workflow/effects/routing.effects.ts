import { Clock } from 'src/common/util/clock';
import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import { ClassifyCaseDto } from 'src/cases/case.dto';
import { CaseEntity } from 'src/cases/case.entity';
import { effectivePriority } from 'src/cases/case.enums';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { UserRepository } from 'src/users/user.repository';
import { CommandEffects, Effect, refuse } from 'src/workflow/effects/effect';
import { CaseCommand } from 'src/workflow/workflow.definition';
import { DispatchDto, ReassignDto, ReasonDto, RecordContactDto, TransferDto, UrgeDto } from 'src/workflow/workflow.dto';

const CASEWORKERS: readonly Role[] = [Role.Mediator, Role.LegalAid];

/** Triage, dispatch centre and handling: what the case is, who owns it and who works it. */
@Injectable()
export class RoutingEffects implements CommandEffects {
  readonly commands = [
    CaseCommand.Classify,
    CaseCommand.Dispatch,
    CaseCommand.Transfer,
    CaseCommand.Return,
    CaseCommand.Accept,
    CaseCommand.Urge,
    CaseCommand.Reassign,
    CaseCommand.RecordContact,
  ] as const;

  constructor(
    private readonly clock: Clock,
    private readonly units: OrgUnitService,
    private readonly users: UserRepository,
  ) {}

  async effect(actor: Actor, entity: CaseEntity, command: CaseCommand, dto: object): Promise<Effect> {
    switch (command) {
      case CaseCommand.Classify: {
        const d = dto as ClassifyCaseDto;
        const priority = effectivePriority(d.priority, entity.workersAffected);
        return {
          changes: { kind: d.kind, category: d.category, priority },
          event: CaseEventType.Classified,
          data: {
            from: { kind: entity.kind, category: entity.category, priority: entity.priority, status: entity.status },
            to: { kind: d.kind, category: d.category, priority },
          },
        };
      }
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
        // Back to the dispatching unit, usually above the returning union and so outside its users' scope.
        const back = await this.units.routingTarget(entity.dispatchedFromUnitId ?? actor.principal.unitId);
        return {
          changes: { orgUnitId: back.id, ownerPath: back.path, assigneeId: null },
          event: CaseEventType.Returned,
          data: { from: entity.orgUnitId, to: back.id, reason: (dto as ReasonDto).reason },
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
          changes: first ? { firstWorkerContactAt: this.clock.now() } : {},
          event: CaseEventType.ContactRecorded,
          data: { with: d.with, method: d.method, note: d.note ?? null, firstWorkerContact: first },
        };
      }
      default:
        throw new Error(`RoutingEffects cannot handle ${command}`);
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
