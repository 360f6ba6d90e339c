import { Injectable } from '@nestjs/common';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobDataMap, JobName } from 'src/queue/queue.constants';
import { HeartbeatRepository } from 'src/system/heartbeat.repository';

@Injectable()
export class HeartbeatJob {
  constructor(private readonly heartbeats: HeartbeatRepository) {}

  @OnJob(JobName.SystemHeartbeat)
  async acknowledge(data: JobDataMap[JobName.SystemHeartbeat]): Promise<void> {
    await this.heartbeats.markProcessed(data.heartbeatId);
  }
}
