import { NotificationEntity } from 'src/notifications/notification.entity';

export class NotificationDto {
  id!: string;
  caseId!: string | null;
  /** @example "dispatched" */
  type!: string;
  /** @example "案件 GD-2026-000123 已派发至本单位" */
  title!: string;
  createdAt!: string;
  readAt!: string | null;
}

export function toNotificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    caseId: n.caseId,
    type: n.type,
    title: n.title,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
