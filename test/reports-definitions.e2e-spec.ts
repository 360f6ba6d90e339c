import { DataSource } from 'typeorm';
import { CaseScript, playScript } from 'test/helpers/case-history';
import { VALID_CREDIT_CODE } from 'test/helpers/intake-payloads';
import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';

const base: CaseScript = {
  desk: 'city',
  kind: 'labour_dispute',
  category: 'wage_arrears',
  channel: 'hotline',
  workers: 3,
  claimYuan: 1000,
  route: 'open',
  toStreet: 'A1',
  contact: false,
  payments: [],
  correctFirst: false,
  outcome: 'resolved_by_negotiation',
  callback: 'none',
  reopen: false,
  reclassify: 'none',
  editWorkers: null,
  editClaimYuan: null,
  transfer: false,
  shiftDays: 0,
};

/**
 * Figures worked out by hand for a small history, so a definition shared by mistake between the aggregates and
 * the raw-table check (the property test compares those two) still gets caught.
 */
describe('report figures on a history worked out by hand', () => {
  let t: TestApp;
  let fx: IdentityFixture;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    await playScript(t, fx, { ...base, kind: 'consultation', route: 'answered', claimYuan: 100 });
    await playScript(t, fx, {
      ...base,
      route: 'negotiate',
      contact: true,
      payments: [{ yuan: 300, daysAgo: 0 }],
      outcome: 'partially_resolved',
      callback: 'satisfied',
      workers: 12,
    });
    await playScript(t, fx, { ...base, route: 'withdraw', callback: 'unreachable', toStreet: 'B1' });
    await playScript(t, fx, { ...base, route: 'negotiate', outcome: 'unresolved', callback: 'dissatisfied' });
    await playScript(t, fx, { ...base, route: 'open' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives the city every figure as defined', async () => {
    const leader = t.http.withToken(await fx.token('leader_city'));
    const { body } = await leader.get<{ figures: Record<string, unknown> }>('/reports/summary?period=year');
    expect(body.figures).toEqual({
      received: 5,
      closed: 4,
      closureRate: { numerator: 4, denominator: 5, rate: 0.8 },
      // Nothing was late.
      onTimeClosureRate: { numerator: 4, denominator: 4, rate: 1 },
      // Only the contacted case's first-contact clock is decided; the others were cancelled or still run.
      responseRate: { numerator: 1, denominator: 1, rate: 1 },
      // answered 1 + partially resolved ½ + unresolved 0, over 3 (the withdrawn case is not in the base).
      resolutionRate: { numerator: 1.5, denominator: 3, rate: 0.5 },
      // satisfied ÷ (satisfied + dissatisfied); the unreachable callback reached nobody.
      satisfactionRate: { numerator: 1, denominator: 2, rate: 0.5 },
      moneyClaimed: '4100.00',
      moneyAgreed: '0.00',
      moneyAwarded: '0.00',
      moneyRecovered: '300.00',
      workersBenefited: 12,
      casesWithRecovery: 1,
      collectiveDisputes: 1,
      slaBreaches: 0,
    });
  });

  it('gives a district only its own subtree', async () => {
    const district = t.http.withToken(await fx.token('leader_a'));
    const { body } = await district.get<{ figures: { received: number; closed: number; moneyRecovered: string } }>(
      '/reports/summary?period=year',
    );
    // Dispatched to street A1: the partly resolved, the unresolved and the open case; not the consultation kept by
    // the city nor the case sent to B1.
    expect(body.figures).toMatchObject({ received: 3, closed: 2, moneyRecovered: '300.00' });
  });

  it('ranks employers with their district, counts collective disputes, and ages the open backlog', async () => {
    const leader = t.http.withToken(await fx.token('leader_city'));
    // All five cases name the same employer (one record by its credit code); its district is known.
    await t.app
      .get(DataSource)
      .query('UPDATE employer SET district_id = $1 WHERE credit_code = $2', [fx.units.districtA.id, VALID_CREDIT_CODE]);
    const hot = await leader.get<{
      employers: {
        name: string;
        district: string | null;
        cases: number;
        collective: number;
        workersAffected: number;
        moneyClaimed: string;
      }[];
      collectiveByCategory: { category: string; cases: number; workersAffected: number; casesUrl: string }[];
      collectiveDisputes: number;
    }>('/reports/hotspots?period=year');
    expect(hot.status).toBe(200);
    expect(hot.body.employers).toEqual([
      expect.objectContaining({
        name: '北京某某外卖配送有限公司',
        district: fx.units.districtA.nameZh,
        cases: 5,
        collective: 1,
        workersAffected: 3 + 12 + 3 + 3 + 3,
        moneyClaimed: '4100.00',
      }),
    ]);
    expect(hot.body.collectiveByCategory).toEqual([
      { category: 'wage_arrears', cases: 1, workersAffected: 12, casesUrl: expect.any(String) as string },
    ]);
    // Each category row links to exactly its collective disputes.
    const linked = await leader.get<{ items: { category: string; collective: boolean }[] }>(
      hot.body.collectiveByCategory[0]?.casesUrl ?? '',
    );
    expect(linked.body.items.map((c) => [c.collective, c.category])).toEqual([[true, 'wage_arrears']]);

    // SLA: one case list per clock kind, here empty (nothing was late), for the city and each row.
    const sla = await leader.get<{
      byTimerUrls: Record<string, string>;
      rows: { byTimerUrls: Record<string, string> }[];
    }>('/reports/sla?period=year');
    expect(Object.keys(sla.body.byTimerUrls)).toContain('first_contact');
    const late = await leader.get<{ items: unknown[] }>(sla.body.byTimerUrls.first_contact ?? '');
    expect([late.status, late.body.items]).toEqual([200, []]);
    expect(
      sla.body.rows.every((r) => Object.keys(r.byTimerUrls).length === Object.keys(sla.body.byTimerUrls).length),
    ).toBe(true);
    expect(hot.body.collectiveDisputes).toBe(1);

    // One case is still open, received today.
    const backlog = await leader.get<{ rows: { total: number; buckets: Record<string, number> }[]; total: number }>(
      '/reports/backlog',
    );
    expect(backlog.body.total).toBe(1);
    // Every open status has a row; only one holds the case, in the youngest bucket.
    const held = backlog.body.rows.filter((r) => r.total > 0);
    expect(held.map((r) => [r.total, r.buckets['0-7']])).toEqual([[1, 1]]);
  });
});
