import { Module } from '@nestjs/common';
import { CasesModule } from 'src/cases/cases.module';
import { NotificationsModule } from 'src/notifications/notifications.module';
import { SlaAlerts } from 'src/sla/sla-alerts';

/** Kept apart from SlaModule, which CasesModule imports: alerts need cases and notifications. */
@Module({
  imports: [CasesModule, NotificationsModule],
  providers: [SlaAlerts],
  exports: [SlaAlerts],
})
export class SlaAlertsModule {}
