import { Injectable } from '@nestjs/common';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import type { CaseHook, CaseWrite } from 'src/cases/case-hooks';
import { NOTIFICATION_TITLES } from 'src/notifications/notification-titles';
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
          NOTIFICATION_TITLES.dispatched(number),
        );
        if (after.assigneeId !== null) {
          await this.notifications.notify(
            [after.assigneeId],
            after.id,
            'assigned',
            NOTIFICATION_TITLES.assigned(number),
          );
        }
        return;
      case CaseEventType.Reassigned:
        if (after.assigneeId !== null && after.assigneeId !== (before?.assigneeId ?? null)) {
          await this.notifications.notify(
            [after.assigneeId],
            after.id,
            'assigned',
            NOTIFICATION_TITLES.reassigned(number),
          );
        }
        return;
      case CaseEventType.Urged:
        await this.notifications.notify(
          after.assigneeId === null ? await unitCaseworkers() : [after.assigneeId],
          after.id,
          'urged',
          NOTIFICATION_TITLES.urged(number),
        );
        return;
      case CaseEventType.Returned:
        await this.notifications.notify(
          await this.notifications.usersOfUnit(after.orgUnitId, [Role.Dispatcher]),
          after.id,
          'returned',
          NOTIFICATION_TITLES.returned(number),
        );
        return;
      default:
        return;
    }
  }
}
