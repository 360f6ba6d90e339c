import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName } from 'src/queue/queue.constants';
import { JobDispatcher } from 'src/worker/job-dispatcher.service';

/** One consumer per queue; all of them hand jobs to the dispatcher. Started by WorkerLifecycle, not on import. */
@Injectable()
export abstract class QueueProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  async process(job: Job): Promise<void> {
    await this.dispatcher.dispatch(job.name, job.data, {
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
      updateProgress: (percent) => job.updateProgress(percent),
    });
  }
}

@Processor(QueueName.System, { autorun: false })
export class SystemQueueProcessor extends QueueProcessor {}

@Processor(QueueName.Notifications, { autorun: false })
export class NotificationsQueueProcessor extends QueueProcessor {}

@Processor(QueueName.Timers, { autorun: false })
export class TimersQueueProcessor extends QueueProcessor {}

@Processor(QueueName.Reports, { autorun: false })
export class ReportsQueueProcessor extends QueueProcessor {}
