import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from 'src/idempotency/idempotency.interceptor';
import { IdempotencyRepository } from 'src/idempotency/idempotency.repository';
import { IdempotencyService } from 'src/idempotency/idempotency.service';

@Module({
  providers: [
    IdempotencyRepository,
    IdempotencyService,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
