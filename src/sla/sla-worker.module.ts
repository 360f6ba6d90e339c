import { Module } from '@nestjs/common';
import { SlaAlertsModule } from 'src/sla/sla-alerts.module';
import { SlaModule } from 'src/sla/sla.module';
import { TimerJobs } from 'src/sla/timer.jobs';

/** The firing side of SLA clocks, loaded by worker processes only. */
@Module({
  imports: [SlaModule, SlaAlertsModule],
  providers: [TimerJobs],
})
export class SlaWorkerModule {}
