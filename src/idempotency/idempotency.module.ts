import { Module } from '@nestjs/common';
import { IdempotencyRepository } from 'src/idempotency/idempotency.repository';
import { IdempotencyService } from 'src/idempotency/idempotency.service';

@Module({ providers: [IdempotencyRepository, IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
