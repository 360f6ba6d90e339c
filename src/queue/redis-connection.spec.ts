import { redisOptionsFromUrl } from 'src/queue/redis-connection';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials and database', () => {
    expect(redisOptionsFromUrl('redis://app:p%40ss@cache.internal:6380/2')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'app',
      password: 'p@ss',
      db: 2,
      tls: undefined,
      maxRetriesPerRequest: null,
    });
  });

  it('defaults port and database, and turns on TLS for rediss', () => {
    expect(redisOptionsFromUrl('rediss://cache')).toMatchObject({ port: 6379, db: 0, tls: {} });
  });
});
