import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { DEFAULT_JOB_OPTIONS, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { redisOptionsFromUrl } from 'src/queue/redis-connection';

/** Producer side, present in every role. Consumers live in WorkerModule, loaded only by worker processes. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redis.url),
        prefix: config.queue.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [QueueService],
  exports: [QueueService, BullModule],
})
export class QueueModule {}
