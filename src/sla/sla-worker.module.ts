import { Module } from '@nestjs/common';
import { CasesModule } from 'src/cases/cases.module';
import { NotificationsModule } from 'src/notifications/notifications.module';
import { SlaModule } from 'src/sla/sla.module';
import { TimerFiringRepository } from 'src/sla/timer-firing.repository';
import { TimerJobs } from 'src/sla/timer.jobs';

/** The firing side of SLA clocks, loaded by worker processes only. */
@Module({
  imports: [SlaModule, CasesModule, NotificationsModule],
  providers: [TimerFiringRepository, TimerJobs],
})
export class SlaWorkerModule {}
