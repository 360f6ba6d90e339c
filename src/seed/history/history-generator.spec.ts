import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseKind, CasePriority, CaseStatus } from 'src/cases/case.enums';
import { BusinessCalendar, CalendarDayKind } from 'src/sla/business-calendar';
import { SlaPolicy } from 'src/sla/sla.types';
import { TimerState } from 'src/cases/case-clock.enums';
import { shanghaiDayNumber } from 'src/common/util/shanghai-time';
import { emptyBatch, HistoryGenerator } from 'src/seed/history/history-generator';
import { HistoryBatch, TreeRef } from 'src/seed/history/history.types';
import { employerCount, generateEmployers, generateParties, partyCount } from 'src/seed/history/pools';
import { Rng, Stream } from 'src/seed/history/rng';
import { indexStaff, planStaff } from 'src/seed/history/staff';

const config = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'config', name), 'utf8'));

interface SeedTreeFile {
  code: string;
  nameZh: string;
  children: { code: string; nameZh: string; streets: { code: string; nameZh: string }[] }[];
}

/** The demo org tree with made-up ids, as the repository would read it. */
function tree(): TreeRef {
  const file = config('org-units.json') as SeedTreeFile;
  const rng = new Rng(99, Stream.Unit, 0);
  const unit = (code: string, nameZh: string, parentPath: string) => {
    const id = rng.uuid();
    return { id, code, nameZh, path: `${parentPath}${id}/` };
  };
  const city = unit(file.code, file.nameZh, '/');
  return {
    city,
    districts: file.children.map((d) => {
      const district = unit(d.code, d.nameZh, city.path);
      return { ...district, streets: d.streets.map((s) => unit(s.code, s.nameZh, district.path)) };
    }),
  };
}

const TREE = tree();
const POLICIES = (config('sla-policies.json') as { policies: Omit<SlaPolicy, 'version'>[] }).policies.map((p) => ({
  ...p,
  version: 1,
}));
const DAYS = (config('holiday-calendar.json') as { days: { date: string; kind: CalendarDayKind }[] }).days;
const UNTIL = Date.parse('2026-11-20T16:30:00+08:00');
const CALENDAR = new BusinessCalendar(DAYS).withDayCache(
  shanghaiDayNumber(UNTIL) - 6 * 366,
  shanghaiDayNumber(UNTIL) + 400,
);

function generator(seed: number, cases: number): HistoryGenerator {
  const staff = indexStaff(planStaff(seed, TREE));
  const from = UNTIL - 5 * 365 * 24 * 3600 * 1000;
  const employers = generateEmployers(seed, employerCount(cases), TREE, from);
  const parties = generateParties(seed, partyCount(cases), {
    cityId: TREE.city.id,
    operators: staff.operators,
    from,
    to: UNTIL,
  });
  return new HistoryGenerator(
    { cases, seed, years: 5, until: UNTIL },
    { tree: TREE, policies: POLICIES, sequenceBase: new Map([[2024, 1000]]) },
    staff,
    employers,
    parties,
    CALENDAR,
  );
}

describe('HistoryGenerator', () => {
  const N = 3000;
  let whole: HistoryBatch;

  beforeAll(() => {
    whole = generator(5, N).generate(0, N);
  });

  it('gives identical rows for the same seed, however the range is batched', () => {
    const again = generator(5, N);
    const pieces = emptyBatch();
    for (const [a, b] of [
      [0, 7],
      [7, 1234],
      [1234, 2999],
      [2999, N],
    ] as const) {
      again.generate(a, b, pieces);
    }
    expect(pieces).toEqual(whole);
  });

  it('gives different rows for a different seed', () => {
    const other = generator(6, N).generate(0, N);
    expect(other.cases.map((c) => c.id)).not.toEqual(whole.cases.map((c) => c.id));
    expect(other.cases.map((c) => c.receivedAt)).not.toEqual(whole.cases.map((c) => c.receivedAt));
  });

  it('numbers cases per year in order of receipt, after what the sequence had handed out', () => {
    const numbers = whole.cases.map((c) => c.number);
    expect(new Set(numbers).size).toBe(N);
    const received = whole.cases.map((c) => c.receivedAt);
    expect([...received].sort((a, b) => a - b)).toEqual(received);
    expect(received.every((t) => t < UNTIL)).toBe(true);
    const of2024 = numbers.filter((n) => n.startsWith('GD-2024-'));
    expect(of2024[0]).toBe('GD-2024-001001');
    expect(of2024.at(-1)).toBe(`GD-2024-${String(1000 + of2024.length).padStart(6, '0')}`);
  });

  it('keeps the case rules: sums, collective and priority, closure fields, versions', () => {
    const sum = (rows: { caseId: string; amountFen: number }[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r.caseId, (m.get(r.caseId) ?? 0) + r.amountFen);
      return m;
    };
    const ledger = sum(whole.payments);
    const claims = sum(whole.claims);
    for (const c of whole.cases) {
      expect(c.recoveredFen).toBe(ledger.get(c.id) ?? 0);
      expect(c.claimedFen).toBe(claims.get(c.id) ?? 0);
      expect(c.collective).toBe(c.workersAffected >= 10);
      if (c.collective) expect(c.priority).not.toBe(CasePriority.Normal);
      const closed = c.status === CaseStatus.Closed;
      expect(c.outcome !== null && c.closedAt !== null).toBe(closed);
      expect(c.outcome === null && c.closedAt === null).toBe(!closed);
    }
    const versions = new Map<string, number>();
    for (const e of whole.events) {
      expect(e.version).toBeGreaterThanOrEqual(versions.get(e.caseId) ?? 1);
      versions.set(e.caseId, e.version);
    }
    for (const c of whole.cases) expect(versions.get(c.id)).toBe(c.version);
  });

  it('leaves timers consistent with their policy and their stop times', () => {
    for (const t of whole.timers) {
      expect(t.dueAt).toBe(CALENDAR.deadline(t.startedAt, t.limitMs, t.mode));
      if (t.state === TimerState.Breached) {
        expect(t.breachedAt).toBe(t.dueAt);
        expect(t.metAt).toBeNull();
        expect(t.dueAt).toBeLessThan(UNTIL);
      }
      if (t.state === TimerState.Met) expect(t.metAt).toBeLessThanOrEqual(t.dueAt);
      if (t.state === TimerState.Running) expect(t.dueAt).toBeGreaterThanOrEqual(UNTIL);
      if (t.warnedAt !== null) expect(t.warnedAt).toBeGreaterThanOrEqual(t.warnAt);
    }
  });

  it('has a realistic mix: mostly answered consultations, some collective disputes, breaches and open cases', () => {
    const share = (n: number) => n / N;
    expect(share(whole.cases.filter((c) => c.kind === CaseKind.Consultation).length)).toBeGreaterThan(0.55);
    expect(whole.cases.some((c) => c.collective)).toBe(true);
    expect(whole.timers.some((t) => t.state === TimerState.Breached)).toBe(true);
    expect(whole.payments.some((p) => p.correctsId !== null)).toBe(true);
    expect(whole.cases.some((c) => c.reopenCount > 0)).toBe(true);
    const open = new Set(whole.cases.filter((c) => c.status !== CaseStatus.Closed).map((c) => c.status));
    expect(open.size).toBeGreaterThanOrEqual(5);
  });
});
