import { Module } from '@nestjs/common';
import { IdempotencyPruneJob } from 'src/idempotency/idempotency-prune.job';
import { IdempotencyRepository } from 'src/idempotency/idempotency.repository';
import { SlaModule } from 'src/sla/sla.module';

/** The idempotency jobs, loaded by worker processes only (the one Clock comes from SlaModule, as for exports). */
@Module({ imports: [SlaModule], providers: [IdempotencyRepository, IdempotencyPruneJob] })
export class IdempotencyWorkerModule {}
