import { SetMetadata } from '@nestjs/common';
import { JobName } from 'src/queue/queue.constants';

export const ON_JOB = Symbol('ON_JOB');

/** Marks a provider method as the handler of one job. Handlers must be idempotent: jobs can run twice. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);
