import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { NotificationDeliveryJob } from 'src/notifications/notification-delivery.job';
import {
  LoggingNotificationProvider,
  NotificationProvider,
  WebhookNotificationProvider,
} from 'src/notifications/notification-provider';
import { NotificationController } from 'src/notifications/notification.controller';
import { NotificationRepository } from 'src/notifications/notification.repository';
import { NotificationService } from 'src/notifications/notification.service';

@Module({
  controllers: [NotificationController],
  providers: [NotificationRepository, NotificationService],
  exports: [NotificationService, NotificationRepository],
})
export class NotificationsModule {}

/** The delivery side, loaded by worker processes only. */
@Module({
  imports: [NotificationsModule],
  providers: [
    NotificationDeliveryJob,
    {
      provide: NotificationProvider,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): NotificationProvider =>
        config.notify.provider === 'webhook'
          ? new WebhookNotificationProvider(config.notify.webhookUrl)
          : new LoggingNotificationProvider(),
    },
  ],
})
export class NotificationDeliveryModule {}
