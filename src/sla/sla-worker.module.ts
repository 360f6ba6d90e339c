import { Module } from '@nestjs/common';
import { CasesModule } from 'src/cases/cases.module';
import { NotificationsModule } from 'src/notifications/notifications.module';
import { SlaModule } from 'src/sla/sla.module';
import { TimerJobs } from 'src/sla/timer.jobs';

/** The firing side of SLA clocks, loaded by worker processes only. */
@Module({
  imports: [SlaModule, CasesModule, NotificationsModule],
  providers: [TimerJobs],
})
export class SlaWorkerModule {}
