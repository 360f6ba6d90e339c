import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppRole } from 'src/config/app-config';
import { createIdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { PrivatePostgres } from 'test/helpers/postgres-server';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId: string;
}

/** PostgreSQL stopped the hard way (`pg_ctl stop -m immediate`) under a running API, then started again. */
describe('a PostgreSQL outage', () => {
  let pg: PrivatePostgres;
  let t: TestApp;
  const logFile = join(tmpdir(), `gd-pg-outage-${String(process.pid)}.log`);

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    t = await createTestApp({
      role: AppRole.Api,
      env: { DATABASE_URL: pg.url, LOG_LEVEL: 'warn', LOG_DESTINATION: logFile },
    });
  });

  afterAll(async () => {
    pg.up();
    await t.close();
    pg.dispose();
    rmSync(logFile, { force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, logs it once, and serves again once it is back', async () => {
    const fx = await createIdentityFixture(t);
    const operator = t.http.withToken(await fx.token('operator_city'));
    const headers = { 'idempotency-key': 'outage-retry-1' };
    expect((await operator.get('/cases')).status).toBe(200);

    pg.down();
    const refused = [];
    for (let i = 0; i < 10; i++) {
      refused.push(await operator.get<ErrorBody>('/cases'));
      refused.push(await operator.post<ErrorBody>('/cases', validCaseBody(), { headers }));
    }
    for (const res of refused) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body.correlationId).toMatch(/.+/);
      expect(res.body.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    }
    // Readiness names the database; liveness stays up (the process is fine).
    const ready = await t.http.get<ErrorBody & { message: string }>('/health/ready');
    expect({ status: ready.status, message: ready.body.message }).toEqual({
      status: 503,
      message: 'Not ready: database down',
    });
    expect((await t.http.get('/health')).status).toBe(200);

    pg.up();
    // The same Idempotency-Key the refused attempts carried: a refusal spent nothing, so this creates the case.
    const created = await eventually(async () => {
      const res = await operator.post<{ id: string }>('/cases', validCaseBody(), { headers });
      return res.status === 201 ? res : undefined;
    }, 15000);
    const replay = await operator.post<{ id: string }>('/cases', validCaseBody(), { headers });
    expect(replay.body.id).toBe(created.body.id);
    expect((await operator.get('/cases')).status).toBe(200);
    const [count] = await t.app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM "case"');
    expect(count?.n).toBe(1);

    const log = readFileSync(logFile, 'utf8');
    expect(log.match(/database unreachable/g)).toHaveLength(1);
    expect(log).toContain('database reachable again');
    expect(log).not.toContain('unhandled error');
  });
});
