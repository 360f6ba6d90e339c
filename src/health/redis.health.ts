import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { redisOptionsFromUrl } from 'src/queue/redis-connection';

const PING_TIMEOUT_MS = 1000;

/** Its own connection: fails fast while Redis is away and reconnects by itself when it is back. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redis.url),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: PING_TIMEOUT_MS,
      retryStrategy: () => 500,
      lazyConnect: false,
    });
    // Connection errors are expected while Redis is down; the readiness answer reports them.
    this.client.on('error', () => undefined);
  }

  async isHealthy(key: 'redis'): Promise<HealthIndicatorResult<'redis'>> {
    const check = this.health.check(key);
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error('timeout'));
        }, PING_TIMEOUT_MS);
      });
      await Promise.race([this.client.ping(), timeout]).finally(() => {
        clearTimeout(timer);
      });
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
