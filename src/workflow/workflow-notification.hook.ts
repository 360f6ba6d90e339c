import { Injectable } from '@nestjs/common';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import type { CaseHook, CaseWrite } from 'src/cases/case-hooks';
import { NotificationService } from 'src/notifications/notification.service';

const CASEWORKERS = [Role.Mediator, Role.LegalAid];

/** Who hears about a workflow event: dispatched to your unit, assigned to you, urged, returned. */
@Injectable()
export class WorkflowNotificationHook implements CaseHook {
  constructor(private readonly notifications: NotificationService) {}

  /** Runs in the change's transaction, so a rolled-back command notifies no one. */
  async afterWrite({ event, before, after }: CaseWrite): Promise<void> {
    const number = after.number;
    const unitCaseworkers = () => this.notifications.usersOfUnit(after.orgUnitId, CASEWORKERS);
    switch (event) {
      case CaseEventType.Dispatched:
      case CaseEventType.Transferred:
        await this.notifications.notify(
          await unitCaseworkers(),
          after.id,
          'dispatched',
          `案件 ${number} 已派发至本单位，请及时受理`,
        );
        if (after.assigneeId !== null) {
          await this.notifications.notify([after.assigneeId], after.id, 'assigned', `案件 ${number} 已指派给您`);
        }
        return;
      case CaseEventType.Reassigned:
        if (after.assigneeId !== null && after.assigneeId !== (before?.assigneeId ?? null)) {
          await this.notifications.notify([after.assigneeId], after.id, 'assigned', `案件 ${number} 已改派给您`);
        }
        return;
      case CaseEventType.Urged:
        await this.notifications.notify(
          after.assigneeId === null ? await unitCaseworkers() : [after.assigneeId],
          after.id,
          'urged',
          `案件 ${number} 收到督办，请尽快处理`,
        );
        return;
      case CaseEventType.Returned:
        await this.notifications.notify(
          await this.notifications.usersOfUnit(after.orgUnitId, [Role.Dispatcher]),
          after.id,
          'returned',
          `案件 ${number} 被退回，请重新派单`,
        );
        return;
      default:
        return;
    }
  }
}
