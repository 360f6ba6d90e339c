import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CalendarAdminService } from 'src/sla/calendar-admin.service';
import { SlaAdminController } from 'src/sla/sla-admin.controller';
import { SlaPolicyAdminService } from 'src/sla/sla-policy-admin.service';
import { SlaModule } from 'src/sla/sla.module';

/** The admin side of SLA reference data (policies, calendar); loaded by processes that serve HTTP. */
@Module({
  imports: [SlaModule, AuditModule],
  controllers: [SlaAdminController],
  providers: [SlaPolicyAdminService, CalendarAdminService],
})
export class SlaAdminModule {}
