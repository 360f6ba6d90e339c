import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { withTimeout } from 'src/common/util/with-timeout';
import { RedisClient } from 'src/redis/redis-client';

const PING_TIMEOUT_MS = 1000;

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redis: RedisClient,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key: 'redis'): Promise<HealthIndicatorResult<'redis'>> {
    const check = this.health.check(key);
    try {
      const pong = await withTimeout(this.redis.client.ping(), PING_TIMEOUT_MS);
      return pong ? check.up() : check.down({ message: 'timeout' });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
