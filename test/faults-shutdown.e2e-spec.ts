import { AppRole } from 'src/config/app-config';
import { createIdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { freePort } from 'test/helpers/redis-server';
import { spawnService } from 'test/helpers/spawn-service';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { TEST_REDIS_URL } from 'test/setup/test-env';
import { DataSource } from 'typeorm';

interface Outcome {
  startedAt: number;
  endedAt: number;
  status?: number;
  body?: { id?: string; code?: string; correlationId?: string };
  retryAfter?: string | null;
  networkError?: string;
}

/** One client: intake after intake until the service refuses (a 503, or the connection once it stopped listening). */
async function intakeLoop(baseUrl: string, token: string, outcomes: Outcome[]): Promise<void> {
  const until = Date.now() + 20000;
  while (Date.now() < until) {
    const outcome: Outcome = { startedAt: Date.now(), endedAt: 0 };
    outcomes.push(outcome);
    try {
      const res = await fetch(`${baseUrl}/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(validCaseBody()),
      });
      outcome.status = res.status;
      outcome.retryAfter = res.headers.get('retry-after');
      outcome.body = (await res.json()) as Outcome['body'];
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      outcome.networkError = cause?.code ?? cause?.message ?? String(error);
    }
    outcome.endedAt = Date.now();
    if (outcome.status !== 201) return;
  }
}

describe('SIGTERM under load', () => {
  let t: TestApp;

  beforeAll(async () => {
    // An API-only app on the test database creates the accounts; the process under test shares its database.
    t = await createTestApp({ role: AppRole.Api });
  });

  afterAll(async () => {
    await t.close();
  });

  it('finishes every accepted request, refuses later ones with the service error body, and exits 0', async () => {
    const fx = await createIdentityFixture(t);
    const token = await fx.token('operator_city');
    const port = await freePort();
    const service = spawnService({
      APP_ROLE: 'all',
      PORT: String(port),
      DATABASE_URL: t.db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.queue.prefix,
    });
    const baseUrl = `http://127.0.0.1:${String(port)}`;
    await eventually(async () => {
      const res = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    }, 30000);

    const outcomes: Outcome[] = [];
    const loops = Array.from({ length: 8 }, () => intakeLoop(baseUrl, token, outcomes));
    await eventually(async () => Promise.resolve(outcomes.filter((o) => o.status === 201).length >= 40 || undefined));
    const signalledAt = Date.now();
    service.child.kill('SIGTERM');
    await Promise.all(loops);
    expect(await service.exited).toBe(0);
    expect(service.output()).not.toMatch(/error while stopping|did not close/);

    const created = outcomes.filter((o) => o.status === 201);
    const refused = outcomes.filter((o) => o.status === 503);
    const failedOtherwise = outcomes.filter(
      (o) => o.status !== 201 && o.status !== 503 && o.networkError === undefined,
    );
    expect(failedOtherwise).toEqual([]);
    // Requests in flight at the signal ran to the end.
    expect(created.filter((o) => o.startedAt < signalledAt && o.endedAt > signalledAt).length).toBeGreaterThan(0);
    // Refusals carry the service's error body, a correlation id and Retry-After.
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused) {
      expect(o.body).toMatchObject({ code: 'SHUTTING_DOWN', correlationId: expect.any(String) as string });
      expect(o.retryAfter).toBe('2');
    }
    // A connection refused once the listener closed, and only for a request sent after the signal: every response
    // since the signal said `Connection: close`, so no client reuses a socket the server is about to close.
    const network = outcomes.filter((o) => o.networkError !== undefined);
    expect([...new Set(network.map((o) => o.networkError))].filter((e) => e !== 'ECONNREFUSED')).toEqual([]);
    expect(network.every((o) => o.startedAt >= signalledAt)).toBe(true);

    // Nothing answered 201 was lost.
    const ids = created.map((o) => o.body?.id);
    const [stored] = await t.app
      .get(DataSource)
      .query<{ n: number }[]>('SELECT count(*)::int AS n FROM "case" WHERE id = ANY($1)', [ids]);
    expect(stored?.n).toBe(created.length);
  });
});
