import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { redisOptionsFromUrl } from 'src/queue/redis-connection';
import { RedisClient } from 'src/redis/redis-client';

/** Reference data that processes cache in memory and drop when an admin changes it. */
export enum CachedData {
  SlaPolicies = 'sla-policies',
  Calendar = 'calendar',
}

/** Without a change message (Redis away when it was sent), a process still picks up an edit within this time. */
export const CACHE_LIFETIME_MS = 60 * 1000;

/** Reference data held in memory: loaded on first use, dropped on a change message or after CACHE_LIFETIME_MS. */
export class CachedValue<T> {
  private cached?: { value: T; loadedAt: number };

  constructor(private readonly load: () => Promise<T>) {}

  async get(now = Date.now()): Promise<T> {
    if (!this.cached || now - this.cached.loadedAt > CACHE_LIFETIME_MS) {
      this.cached = { value: await this.load(), loadedAt: now };
    }
    return this.cached.value;
  }

  drop(): void {
    this.cached = undefined;
  }
}

/**
 * Tells every process (API and workers) to drop a cache, through Redis pub/sub. Best effort by design: a message
 * published while Redis is away is lost, so caches also expire on their own (the bound on staleness), and every
 * cache is dropped whenever the subscriber reconnects, since messages may have been missed meanwhile.
 */
@Injectable()
export class InvalidationBus implements OnModuleDestroy {
  private readonly logger = new Logger(InvalidationBus.name);
  private readonly handlers = new Map<CachedData, (() => void)[]>();
  private readonly channelPrefix: string;
  private subscriber?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisClient,
  ) {
    // Channels are not key-prefixed by ioredis: the queue prefix keeps installations on one Redis apart.
    this.channelPrefix = `${config.queue.prefix}:invalidate:`;
  }

  /** A cached copy of `data`, dropped whenever any process announces a change (call from onModuleInit). */
  cache<T>(data: CachedData, load: () => Promise<T>): CachedValue<T> {
    const value = new CachedValue(load);
    this.on(data, () => {
      value.drop();
    });
    return value;
  }

  /** Runs `drop` whenever any process announces that `data` changed (this one included). */
  on(data: CachedData, drop: () => void): void {
    this.handlers.set(data, [...(this.handlers.get(data) ?? []), drop]);
    const subscriber = this.subscriber ?? this.connect();
    // Not awaited: boot must not wait for Redis; ioredis subscribes once connected and again after reconnects.
    subscriber.subscribe(`${this.channelPrefix}${data}`).catch((error: unknown) => {
      this.logger.warn(`cannot subscribe to ${data} changes: ${String(error)}`);
    });
  }

  /**
   * Announces a change to every process. Call after the change is committed. This process drops its own cache at
   * once, without waiting for its message to come back (and even when Redis is away).
   */
  async publish(data: CachedData): Promise<void> {
    for (const drop of this.handlers.get(data) ?? []) drop();
    await this.redis.client.publish(`${this.channelPrefix}${data}`, '1').catch((error: unknown) => {
      this.logger.warn(
        `cannot announce ${data} change (other processes reload within their cache lifetime): ${String(error)}`,
      );
    });
  }

  private connect(): Redis {
    const subscriber = new Redis(redisOptionsFromUrl(this.config.redis.url));
    subscriber.on('error', () => undefined);
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) this.dropAll();
      connectedBefore = true;
    });
    subscriber.on('message', (channel: string) => {
      const data = Object.values(CachedData).find((d) => channel === `${this.channelPrefix}${d}`);
      for (const drop of (data && this.handlers.get(data)) ?? []) drop();
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  private dropAll(): void {
    for (const drops of this.handlers.values()) for (const drop of drops) drop();
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }
}
