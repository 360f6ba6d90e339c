import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { redisOptionsFromUrl } from 'src/queue/redis-connection';

/**
 * A fail-fast Redis connection for request-time work (readiness, login throttling): no offline queue, so a
 * command errors at once while Redis is away instead of hanging the request; it reconnects on its own.
 */
@Injectable()
export class RedisClient implements OnModuleDestroy {
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redis.url),
      keyPrefix: `${config.queue.prefix}:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => 500,
    });
    // Errors surface on the commands that fail; the connection's own error events are expected during outages.
    this.client.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
