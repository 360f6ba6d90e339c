import Redis, { RedisOptions } from 'ioredis';

/** ioredis options from REDIS_URL; BullMQ needs maxRetriesPerRequest null for its blocking commands. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname,
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    username: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    db: db === '' ? 0 : Number(db),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Deletes every key under a queue prefix: for tests and benchmarks that share one Redis and must not leave their
 * jobs behind (BullMQ's `obliterate` works one queue at a time and refuses while jobs are active).
 */
export async function deleteQueueKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(redisOptionsFromUrl(url));
  try {
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    return removed;
  } finally {
    await redis.quit();
  }
}
