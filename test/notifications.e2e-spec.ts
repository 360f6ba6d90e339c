import { createServer, IncomingMessage, Server } from 'node:http';
import { AppRole } from 'src/config/app-config';
import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { spawnService } from 'test/helpers/spawn-service';
import { createTestApp, eventually, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

/** A webhook receiver like a real SMS gateway: it acts on each Idempotency-Key once, and counts every receipt. */
class Sink {
  readonly receipts: string[] = [];
  readonly processed = new Map<string, number>();
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res) => {
      const key = String(req.headers['idempotency-key'] ?? '');
      req.resume();
      req.on('end', () => {
        this.receipts.push(key);
        if (!this.processed.has(key)) this.processed.set(key, 1);
        // Slow enough that deliveries are in flight when the worker is killed.
        setTimeout(() => {
          res.writeHead(200).end('ok');
        }, 40);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address !== null ? address.port : 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }
}

describe('notifications', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  const sink = new Sink();

  beforeAll(async () => {
    await sink.start();
    t = await createTestApp({
      role: AppRole.Api,
      env: {
        NOTIFY_PROVIDER: 'webhook',
        NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${sink.port}/notify`,
        WORKER_LOCK_DURATION_MS: '2000',
      },
    });
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('workflow events notify in-app, and a killed worker still delivers each one to the provider exactly once', async () => {
    const operator = t.http.withToken(await fx.token('operator_city'));
    const dispatcher = t.http.withToken(await fx.token('dispatcher_city'));
    const total = 30;
    for (let i = 0; i < total; i++) {
      const created = await operator.post<{ id: string }>('/cases', validCaseBody());
      await operator.post(`/cases/${created.body.id}/classify`, {
        kind: 'labour_dispute',
        category: 'wage_arrears',
        priority: 'normal',
        version: 1,
      });
      const res = await dispatcher.post(`/cases/${created.body.id}/dispatch`, {
        orgUnitId: fx.units.streetA1.id,
        version: 2,
      });
      expect(res.status).toBe(200);
    }
    // In-app: the street union's mediator sees them at once; nothing was sent yet (no worker is running).
    const mediator = t.http.withToken(await fx.token('mediator_a1'));
    const inbox = await mediator.get<{ items: { id: string; type: string; title: string }[]; total: number }>(
      '/me/notifications?limit=100',
    );
    expect(inbox.body.total).toBe(total);
    expect(inbox.body.items[0]?.title).toMatch(/^案件 GD-\d{4}-\d{6} 已派发至本单位/);
    expect((await mediator.post(`/me/notifications/${inbox.body.items[0]?.id ?? ''}/read`)).status).toBe(200);
    expect(sink.receipts).toHaveLength(0);

    const db = t.app.get(DataSource);
    const outboxIds = (await db.query<{ id: string }[]>('SELECT id FROM notification_outbox')).map((r) => r.id);
    expect(outboxIds).toHaveLength(total);

    const workerEnv = {
      APP_ROLE: 'worker',
      DATABASE_URL: t.db.url,
      REDIS_URL: t.config.redis.url,
      QUEUE_PREFIX: t.config.queue.prefix,
      NOTIFY_PROVIDER: 'webhook',
      NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${sink.port}/notify`,
      WORKER_CONCURRENCY: '3',
      WORKER_LOCK_DURATION_MS: '2000',
    };
    const first = spawnService(workerEnv);
    await eventually(() => Promise.resolve(sink.processed.size >= 8 ? true : undefined), 30000);
    first.child.kill('SIGKILL');
    await first.exited;
    const deliveredBeforeKill = sink.processed.size;
    expect(deliveredBeforeKill).toBeLessThan(total);

    const second = spawnService(workerEnv);
    try {
      await eventually(async () => {
        const [row] = await db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM notification_outbox WHERE delivered_at IS NULL',
        );
        return row?.n === 0 ? true : undefined;
      }, 45000);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    // Every outbox row reached the provider and was acted on exactly once.
    expect([...sink.processed.keys()].sort()).toEqual([...outboxIds].sort());
    expect([...sink.processed.values()].every((n) => n === 1)).toBe(true);
    // Resends can only be the few deliveries in flight when the worker died (the provider dropped them by key).
    const resent = sink.receipts.length - sink.processed.size;
    expect(resent).toBeLessThanOrEqual(3);
    const attempts = await db.query<{ attempts: number }[]>('SELECT attempts FROM notification_outbox');
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
  });
});
