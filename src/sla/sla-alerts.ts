import { Injectable } from '@nestjs/common';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { NOTIFICATION_TITLES } from 'src/notifications/notification-titles';
import { NotificationService } from 'src/notifications/notification.service';
import { TIMER_LABEL } from 'src/sla/sla.types';
import { FiredTimer } from 'src/sla/timer-firing.repository';

export type Firing = 'warning' | 'breach';

/**
 * What a warning or a breach leaves behind, wherever it was detected (a firing job, the reconciler, or a command
 * that stopped a clock too late): one case event each and notifications to the assignee and the unit's
 * dispatchers, on breach also the parent unit's. One INSERT for the events, one query for the dispatchers of every
 * unit concerned, one INSERT for the notifications and their outbox rows — in the caller's transaction.
 */
@Injectable()
export class SlaAlerts {
  constructor(
    private readonly events: CaseEventRepository,
    private readonly notifications: NotificationService,
  ) {}

  async record(fired: FiredTimer[], kind: Firing): Promise<void> {
    if (fired.length === 0) return;
    const type = kind === 'warning' ? CaseEventType.SlaWarning : CaseEventType.SlaBreached;
    await this.events.appendMany(
      fired.map((f) => ({ caseId: f.caseId, type, actorId: null, version: f.caseVersion, data: { timer: f.timer } })),
    );
    const unitsOf = (f: FiredTimer) =>
      kind === 'breach' && f.parentUnitId !== null ? [f.unitId, f.parentUnitId] : [f.unitId];
    const dispatchers = await this.notifications.usersOfUnits(fired.flatMap(unitsOf), [Role.Dispatcher]);
    await this.notifications.notifyMany(
      fired.map((f) => {
        const label = TIMER_LABEL[f.timer];
        return {
          recipients: [
            ...(f.assigneeId === null ? [] : [f.assigneeId]),
            ...unitsOf(f).flatMap((unit) => dispatchers.get(unit) ?? []),
          ],
          caseId: f.caseId,
          type,
          title:
            kind === 'warning'
              ? NOTIFICATION_TITLES.slaWarning(f.caseNumber, label)
              : NOTIFICATION_TITLES.slaBreached(f.caseNumber, label),
        };
      }),
    );
  }
}
