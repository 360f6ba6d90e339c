import { Module } from '@nestjs/common';
import { IdempotencyPruneJob } from 'src/idempotency/idempotency-prune.job';
import { IdempotencyRepository } from 'src/idempotency/idempotency.repository';

/** The idempotency jobs, loaded by worker processes only. */
@Module({ providers: [IdempotencyRepository, IdempotencyPruneJob] })
export class IdempotencyWorkerModule {}
