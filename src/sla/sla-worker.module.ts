import { Module } from '@nestjs/common';
import { SlaModule } from 'src/sla/sla.module';
import { TimerJobs } from 'src/sla/timer.jobs';

/** The firing side of SLA clocks, loaded by worker processes only. */
@Module({
  imports: [SlaModule],
  providers: [TimerJobs],
})
export class SlaWorkerModule {}
