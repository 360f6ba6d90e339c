import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { OnJob } from 'src/queue/on-job.decorator';
import { JobDataMap, JobName } from 'src/queue/queue.constants';
import { JobDispatcher } from 'src/worker/job-dispatcher.service';

@Injectable()
class RecordingHandler {
  readonly seen: string[] = [];

  @OnJob(JobName.SystemHeartbeat)
  handle(data: JobDataMap[JobName.SystemHeartbeat]): Promise<void> {
    this.seen.push(data.heartbeatId);
    return Promise.resolve();
  }
}

@Injectable()
class SecondHandler {
  @OnJob(JobName.SystemHeartbeat)
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable()
/** Handlers for every job but the heartbeat. */
class OtherHandlers {
  @OnJob(JobName.NotificationDeliver)
  deliver(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.NotificationSweep)
  sweep(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.TimerWarn)
  warn(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.TimerDue)
  due(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.TimerReconcile)
  reconcile(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.ReportRollup)
  rollup(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.ExportRun)
  exportRun(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.ExportSweep)
  exportSweep(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.IdempotencyPrune)
  idempotencyPrune(): Promise<void> {
    return Promise.resolve();
  }
}

async function dispatcherWith(...providers: (new () => object)[]): Promise<JobDispatcher> {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [JobDispatcher, ...providers],
  }).compile();
  await moduleRef.init();
  return moduleRef.get(JobDispatcher);
}

describe('JobDispatcher', () => {
  it('refuses to start when a job name has no handler, naming it', async () => {
    const dispatcher = await dispatcherWith();
    expect(() => {
      dispatcher.assertComplete();
    }).toThrow(`No handler for job(s): ${Object.values(JobName).join(', ')}`);
  });

  it('refuses a job name with no handler even when the others have one', async () => {
    const dispatcher = await dispatcherWith(RecordingHandler);
    expect(() => {
      dispatcher.assertComplete();
    }).toThrow(
      `No handler for job(s): ${Object.values(JobName)
        .filter((n) => n !== JobName.SystemHeartbeat)
        .join(', ')}`,
    );
  });

  it('refuses two handlers for one job', async () => {
    const dispatcher = await dispatcherWith(RecordingHandler, SecondHandler, OtherHandlers);
    expect(() => {
      dispatcher.assertComplete();
    }).toThrow(/More than one handler/);
  });

  it('routes a job to its handler with its data', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [JobDispatcher, RecordingHandler, OtherHandlers],
    }).compile();
    await moduleRef.init();
    const dispatcher = moduleRef.get(JobDispatcher);
    dispatcher.assertComplete();
    await dispatcher.dispatch(JobName.SystemHeartbeat, { heartbeatId: 'h-1' });
    expect(moduleRef.get(RecordingHandler).seen).toEqual(['h-1']);
    await expect(dispatcher.dispatch('no.such.job', {})).rejects.toThrow('No handler for job no.such.job');
  });
});
