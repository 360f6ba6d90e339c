import fc from 'fast-check';
import { Client } from 'pg';
import { TimerJobs } from 'src/sla/timer.jobs';
import { caseScript, playScript, shiftCase } from 'test/helpers/case-history';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface Query {
  path: string;
  params: Record<string, string>;
}

const ENDPOINTS: Query[] = [
  { path: '/reports/summary', params: {} },
  ...['unit', 'kind', 'category', 'channel', 'outcome'].map((by) => ({ path: '/reports/breakdown', params: { by } })),
  { path: '/reports/timeseries', params: { granularity: 'month' } },
  { path: '/reports/timeseries', params: { granularity: 'quarter' } },
  { path: '/reports/timeseries', params: { granularity: 'week' } },
  { path: '/reports/sla', params: {} },
];

const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** Periods that cut through months on purpose, plus whole months, plus the whole history. */
const periodArb = fc.oneof(
  fc.constant({ from: '2023-01-01', to: '2027-12-31' }),
  fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 400 })).map(([back, length]) => {
    const to = new Date(Date.now() + 86_400_000 * 2 - back * 86_400_000);
    return { from: iso(new Date(to.getTime() - length * 86_400_000)), to: iso(to) };
  }),
  fc.integer({ min: 0, max: 30 }).map((monthsBack) => {
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    return { from: iso(start), to: iso(end) };
  }),
);

describe('report figures equal the same figures recomputed from the raw tables', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function compare(user: FixtureUser, period: { from: string; to: string }, extra: Record<string, string> = {}) {
    const client = t.http.withToken(await fx.token(user));
    const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
    const endpoints =
      days < 400 ? [...ENDPOINTS, { path: '/reports/timeseries', params: { granularity: 'day' } }] : ENDPOINTS;
    for (const endpoint of endpoints) {
      const params = { ...endpoint.params, ...period, ...extra };
      const get = (source: string) =>
        client.get<{ figures?: unknown; rows?: unknown; points?: unknown; total?: unknown; byTimer?: unknown }>(
          `${endpoint.path}?${new URLSearchParams({ ...params, source }).toString()}`,
        );
      // A rollup folding deltas while the aggregates are read must not change the answer.
      const [fast] = await Promise.all([get('aggregates'), db.query('SELECT report_rollup(3)')]);
      const raw = await get('raw');
      expect({ endpoint, status: fast.status }).toEqual({ endpoint, status: 200 });
      const figures = (b: typeof fast.body) => ({
        figures: b.figures,
        rows: b.rows,
        points: b.points,
        total: b.total,
        byTimer: b.byTimer,
      });
      expect({ endpoint, params, ...figures(fast.body) }).toEqual({ endpoint, params, ...figures(raw.body) });
    }
  }

  it('for random case histories, periods and sub-trees, also after partial rollups and a full rebuild', async () => {
    // A fixed history first, so every kind of change is there whatever the random runs draw.
    for (const script of fc.sample(caseScript, { numRuns: 24, seed: 20261121 })) {
      const id = await playScript(t, fx, script);
      if (script.shiftDays > 0) await shiftCase(db, id, script.shiftDays);
    }
    await t.app.get(TimerJobs, { strict: false }).reconcile();
    const { rows } = await db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM case_timer WHERE breached_at IS NOT NULL) AS breaches,
              (SELECT count(*) FROM payment WHERE amount_fen < 0) AS corrections,
              (SELECT count(*) FROM case_callback) AS callbacks,
              (SELECT count(*) FROM "case" WHERE reopen_count > 0) AS reopened,
              (SELECT count(DISTINCT date_trunc('month', received_at)) FROM "case") AS months`,
    );
    expect(
      Object.values(rows[0] ?? {})
        .map(Number)
        .every((n) => n > 0),
    ).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(caseScript, fc.integer({ min: 0, max: 3 })), { minLength: 4, maxLength: 9 }),
        fc.tuple(periodArb, periodArb, periodArb),
        fc.constantFrom('labour_dispute', 'wage_arrears', 'hotline', ''),
        async (scripts, periods, narrowing) => {
          for (const [script, rollup] of scripts) {
            const id = await playScript(t, fx, script);
            if (script.shiftDays > 0) await shiftCase(db, id, script.shiftDays);
            // Some deltas folded into the cubes, some still pending: readers must add both.
            if (rollup > 0) await db.query('SELECT report_rollup($1)', [rollup * 7]);
          }
          // Clocks moved into the past are now overdue: the real reconciler records their breaches.
          await t.app.get(TimerJobs, { strict: false }).reconcile();
          const extra: Record<string, string> =
            narrowing === 'labour_dispute'
              ? { kind: narrowing }
              : narrowing === 'wage_arrears'
                ? { category: narrowing }
                : narrowing === 'hotline'
                  ? { channel: narrowing }
                  : {};
          const [whole, district, other] = periods;
          await compare('leader_city', whole);
          await compare('leader_a', district, extra);
          await compare('leader_city', other, { ...extra, unitId: fx.units.districtB.id });
          await compare('leader_a', whole, { unitId: fx.units.streetA1.id });
        },
      ),
      { numRuns: 4 },
    );
    const before = await db.query<{ received: string }>('SELECT sum(received)::text AS received FROM report_case_fact');
    await db.query('SELECT report_rebuild()');
    const after = await db.query<{ received: string }>('SELECT sum(received)::text AS received FROM report_case_fact');
    expect(after.rows[0]?.received).toBe(before.rows[0]?.received);
    await compare('leader_city', { from: '2023-01-01', to: '2027-12-31' });
  }, 300_000);

  it('a district sees only its subtree; the city sees the sum of its districts', async () => {
    const city = t.http.withToken(await fx.token('leader_city'));
    const a = t.http.withToken(await fx.token('leader_a'));
    const period = 'from=2023-01-01&to=2027-12-31';
    const [whole, ranking, own] = [
      await city.get<{ figures: { received: number } }>(`/reports/summary?${period}`),
      await city.get<{ rows: { key: string | null; figures: { received: number } }[] }>(
        `/reports/breakdown?by=unit&${period}`,
      ),
      await a.get<{ figures: { received: number } }>(`/reports/summary?${period}`),
    ];
    expect(whole.body.figures.received).toBeGreaterThan(0);
    const sum = ranking.body.rows.reduce((total, row) => total + row.figures.received, 0);
    expect(sum).toBe(whole.body.figures.received);
    const districtA = ranking.body.rows.find((row) => row.key === fx.units.districtA.id);
    expect(districtA?.figures.received).toBe(own.body.figures.received);
    expect((await a.get(`/reports/summary?unitId=${fx.units.districtB.id}`)).status).toBe(404);
    expect((await a.get(`/reports/breakdown?by=unit&unitId=${fx.units.city.id}`)).status).toBe(404);
  });

  it('each figure links to exactly the cases behind it', async () => {
    const leader = t.http.withToken(await fx.token('leader_city'));
    const summary = await leader.get<{
      figures: Record<string, number>;
      definitions: { key: string; casesUrl: string }[];
    }>('/reports/summary?from=2023-01-01&to=2027-12-31');
    const count = async (url: string): Promise<number> => {
      let total = 0;
      let next: string | null = url;
      while (next !== null) {
        const page: { status: number; body: { items: unknown[]; nextCursor: string | null } } = await leader.get(
          `${next}&limit=100`,
        );
        expect(page.status).toBe(200);
        total += page.body.items.length;
        next = page.body.nextCursor === null ? null : `${url}&cursor=${encodeURIComponent(page.body.nextCursor)}`;
      }
      return total;
    };
    const link = (key: string) => summary.body.definitions.find((d) => d.key === key)?.casesUrl ?? '';
    for (const key of ['received', 'closed', 'collectiveDisputes', 'casesWithRecovery']) {
      expect({ key, cases: await count(link(key)) }).toEqual({ key, cases: summary.body.figures[key] });
    }
    // Every row of the district ranking (the city's own cases included) and every month links its own cases.
    const ranking = await leader.get<{
      rows: { key: string | null; figures: Record<string, number>; figureUrls: Record<string, string> }[];
    }>('/reports/breakdown?by=unit&from=2023-01-01&to=2027-12-31');
    const series = await leader.get<{
      points: { bucket: string; figures: Record<string, number>; figureUrls: Record<string, string> }[];
    }>('/reports/timeseries?granularity=year&from=2023-01-01&to=2027-12-31');
    for (const row of [...ranking.body.rows, ...series.body.points]) {
      for (const key of ['received', 'closed']) {
        expect({ row: row.figureUrls[key], cases: await count(row.figureUrls[key] ?? '') }).toEqual({
          row: row.figureUrls[key],
          cases: row.figures[key],
        });
      }
    }
  });

  it('refuses bad periods with the failing fields', async () => {
    const leader = t.http.withToken(await fx.token('leader_city'));
    for (const [query, field] of [
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-03-01', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['period=fortnight', 'period'],
      ['from=2000-01-01&to=2026-01-01', 'from'],
    ] as const) {
      const res = await leader.get<{ details: { field: string }[] }>(`/reports/summary?${query}`);
      expect({ query, status: res.status, fields: res.body.details.map((d) => d.field) }).toEqual({
        query,
        status: 400,
        fields: expect.arrayContaining([field]) as unknown,
      });
    }
    const series = await leader.get('/reports/timeseries?from=2020-01-01&to=2026-01-01&granularity=day');
    expect(series.status).toBe(400);
  });
});
