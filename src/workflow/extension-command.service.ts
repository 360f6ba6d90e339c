import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseWriter } from 'src/cases/case-writer';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { DbContext } from 'src/database/db-context';
import { NOTIFICATION_TITLES } from 'src/notifications/notification-titles';
import { NotificationService } from 'src/notifications/notification.service';
import { unitAndParentIds } from 'src/org-units/unit-path';
import { TIMER_LABEL } from 'src/sla/sla.types';
import { ExtensionOutcome, TimerExtensions } from 'src/sla/timer-extension.service';
import {
  ApproveExtensionDto,
  ExtensionRequestDto,
  RejectExtensionDto,
  RequestExtensionDto,
  toExtensionRequestDto,
} from 'src/workflow/timer.dto';

/**
 * Extension requests as case commands: scoped like any case command (404 outside the caller's subtree, so a
 * dispatcher decides for the owning unit and the units below their own), on the timeline, in the audit log, and
 * announced — a request to the dispatchers of the owning unit and the unit above, a decision to whoever asked.
 */
@Injectable()
export class ExtensionCommandService {
  constructor(
    private readonly db: DbContext,
    private readonly writer: CaseWriter,
    private readonly events: CaseEventRepository,
    private readonly extensions: TimerExtensions,
    private readonly notifications: NotificationService,
  ) {}

  async request(actor: Actor, caseId: string, timerId: string, dto: RequestExtensionDto): Promise<ExtensionRequestDto> {
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, caseId);
      const { request, timer } = await this.extensions.request(entity.id, timerId, {
        amount: dto.amount,
        unit: dto.unit,
        reason: dto.reason,
        requestedBy: actor.principal.userId,
      });
      await this.record(actor, entity, CaseEventType.ExtensionRequested, {
        requestId: request.id,
        timerId: timer.id,
        timer: timer.timer,
        amount: request.amount,
        unit: request.unit,
        reason: request.reason,
      });
      const byUnit = await this.notifications.usersOfUnits(unitAndParentIds(entity.ownerPath), [Role.Dispatcher]);
      await this.notifications.notify(
        [...byUnit.values()].flat().filter((id) => id !== actor.principal.userId),
        entity.id,
        CaseEventType.ExtensionRequested,
        NOTIFICATION_TITLES.extensionRequested(entity.number, TIMER_LABEL[timer.timer], request.amount, request.unit),
      );
      return toExtensionRequestDto(request);
    });
  }

  async approve(
    actor: Actor,
    caseId: string,
    timerId: string,
    requestId: string,
    dto: ApproveExtensionDto,
  ): Promise<ExtensionRequestDto> {
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, caseId);
      const outcome = await this.extensions.approve(
        entity.id,
        timerId,
        requestId,
        actor.principal.userId,
        dto.note ?? '',
      );
      await this.decided(actor, entity, outcome, CaseEventType.ExtensionApproved, {
        amountMs: Number(outcome.request.amountMs),
        dueAt: outcome.timer.dueAt.toISOString(),
        note: outcome.request.decisionNote,
      });
      return toExtensionRequestDto(outcome.request);
    });
  }

  async reject(
    actor: Actor,
    caseId: string,
    timerId: string,
    requestId: string,
    dto: RejectExtensionDto,
  ): Promise<ExtensionRequestDto> {
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, caseId);
      const outcome = await this.extensions.reject(entity.id, timerId, requestId, actor.principal.userId, dto.reason);
      await this.decided(actor, entity, outcome, CaseEventType.ExtensionRejected, { reason: dto.reason });
      return toExtensionRequestDto(outcome.request);
    });
  }

  async list(actor: Actor, caseId: string): Promise<ExtensionRequestDto[]> {
    const entity = await this.writer.requireInScope(actor, caseId);
    return (await this.extensions.listForCase(entity.id)).map(toExtensionRequestDto);
  }

  private async decided(
    actor: Actor,
    entity: CaseEntity,
    { request, timer }: ExtensionOutcome,
    event: CaseEventType.ExtensionApproved | CaseEventType.ExtensionRejected,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.record(actor, entity, event, { requestId: request.id, timerId: timer.id, timer: timer.timer, ...data });
    const label = TIMER_LABEL[timer.timer];
    const title =
      event === CaseEventType.ExtensionApproved
        ? NOTIFICATION_TITLES.extensionApproved(entity.number, label, shanghaiDay(timer.dueAt))
        : NOTIFICATION_TITLES.extensionRejected(entity.number, label);
    await this.notifications.notify([request.requestedBy], entity.id, event, title);
  }

  /** The event is about a clock, not the case row: it carries the case's current version, as pausing does. */
  private async record(
    actor: Actor,
    entity: CaseEntity,
    event: CaseEventType,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.events.append(entity.id, event, actor.principal.userId, entity.version, data);
    await this.writer.audit(actor, entity, { event, timerId: data.timerId, requestId: data.requestId });
  }
}
