import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { RedisClient } from 'src/redis/redis-client';

/**
 * Login attempt counters in Redis, so every API process shares them: failures per username and attempts per
 * address within a window. While Redis is unreachable the throttle lets logins through (logged): the hotline must
 * keep working, and passwords are still argon2-hashed.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisClient,
  ) {}

  private userKey(username: string): string {
    return `login:user:${createHash('sha256').update(username).digest('hex')}`;
  }

  private ipKey(ip: string): string {
    return `login:ip:${ip}`;
  }

  /** Counts this attempt; throws 429 when the username or the address is over its limit. */
  async check(username: string, ip: string): Promise<void> {
    const { loginMaxAttemptsPerIp, loginMaxFailuresPerUsername, loginWindowSeconds } = this.config.auth;
    try {
      const result = await this.redis.client
        .multi()
        .incr(this.ipKey(ip))
        .expire(this.ipKey(ip), loginWindowSeconds, 'NX')
        .get(this.userKey(username))
        .ttl(this.userKey(username))
        .exec();
      const ipAttempts = Number(result?.[0]?.[1] ?? 0);
      const userFailures = Number(result?.[2]?.[1] ?? 0);
      if (ipAttempts > loginMaxAttemptsPerIp || userFailures >= loginMaxFailuresPerUsername) {
        const ttl = Number(result?.[3]?.[1] ?? loginWindowSeconds);
        throw new DomainError(ErrorCode.TooManyRequests, 'Too many login attempts; try again later', {
          retryAfterSeconds: ttl > 0 ? ttl : loginWindowSeconds,
        });
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.logger.warn(`login throttle unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async recordFailure(username: string): Promise<void> {
    await this.redis.client
      .multi()
      .incr(this.userKey(username))
      .expire(this.userKey(username), this.config.auth.loginWindowSeconds, 'NX')
      .exec()
      .catch(() => undefined);
  }

  async reset(username: string): Promise<void> {
    await this.redis.client.del(this.userKey(username)).catch(() => undefined);
  }
}
