import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { PrivateRedis } from 'test/helpers/redis-server';

interface ReadyBody {
  code?: string;
  message?: string;
  details?: { error: Record<string, unknown> };
}

describe('readiness follows Redis without restarting the app', () => {
  let redis: PrivateRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    await redis.up().catch(() => undefined);
    await t.close();
    await redis.dispose();
  });

  it('answers 200, then 503 naming redis while it is stopped, then 200 after it restarts', async () => {
    expect((await t.http.get('/health/ready')).status).toBe(200);

    await redis.down();
    const down = await eventually(async () => {
      const res = await t.http.get<ReadyBody>('/health/ready');
      return res.status === 503 ? res : undefined;
    });
    expect(down.body.code).toBe('NOT_READY');
    expect(down.body.message).toBe('Not ready: redis down');
    expect(Object.keys(down.body.details?.error ?? {})).toEqual(['redis']);
    // Liveness is about the process, not its dependencies.
    expect((await t.http.get('/health')).status).toBe(200);

    await redis.up();
    const up = await eventually(async () => {
      const res = await t.http.get('/health/ready');
      return res.status === 200 ? res : undefined;
    }, 15000);
    expect(up.status).toBe(200);
  });
});
