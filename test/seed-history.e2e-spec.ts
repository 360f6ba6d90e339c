import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseCategory, CaseKind, CasePriority, CaseStatus } from 'src/cases/case.enums';
import type { CaseState } from 'src/cases/case-state';
import { Clock } from 'src/common/util/clock';
import { DbContext } from 'src/database/db-context';
import { normalizeChineseMobile } from 'src/common/validation/china-ids';
import { AppRole } from 'src/config/app-config';
import { PiiCipher } from 'src/pii/pii-cipher';
import { readSeedUsers } from 'src/seed/seed-files';
import { CalendarMode } from 'src/sla/business-calendar';
import { CalendarService } from 'src/sla/calendar.service';
import { SlaClockHook } from 'src/sla/sla-clock.hook';
import { validCallBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { TEST_KEYS } from 'test/setup/test-env';
import { DataSource } from 'typeorm';

const ROOT = join(__dirname, '..');
const CASES = 2000;

/** The real command (`npm run seed -- …`) against the test database. */
function seed(databaseUrl: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/seed.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...TEST_KEYS, NODE_ENV: 'test', NODE_PATH: ROOT, DATABASE_URL: databaseUrl },
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('generated history (npm run seed -- --cases N)', () => {
  let t: TestApp;
  let db: DataSource;
  let output: string;
  let seededFrom: number;
  const rows = async <T>(sql: string, params?: unknown[]) => db.query<T[]>(sql, params);
  const count = async (sql: string, params?: unknown[]) =>
    (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]?.n ?? -1;

  beforeAll(async () => {
    // API only: no worker firing clocks while the test reads them.
    t = await createTestApp({ role: AppRole.Api });
    db = t.app.get(DataSource);
    seededFrom = Date.now();
    const result = await seed(t.db.url, ['--cases', String(CASES), '--seed', '7']);
    output = result.stdout;
    expect(result).toMatchObject({ code: 0, stderr: '' });
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('loads the cases with their timelines, clocks, claims, payments, callbacks and calls', async () => {
    expect(output).toContain(`history: ${CASES} cases`);
    expect(await count('"case"')).toBe(CASES);
    for (const table of ['case_event', 'case_timer', 'case_claim', 'payment', 'case_callback', 'call']) {
      expect({ table, some: (await count(table)) > 0 }).toEqual({ table, some: true });
    }
    expect(await count('case_event')).toBeGreaterThan(CASES * 3);
    expect(await count('"case" WHERE collective')).toBeGreaterThan(0);
    expect(await count('"case" WHERE reopen_count > 0')).toBeGreaterThan(0);
    expect(await count("case_timer WHERE state = 'breached'")).toBeGreaterThan(0);
    expect(await count('payment WHERE corrects_id IS NOT NULL')).toBeGreaterThan(0);
    const open = await rows<{ status: string }>(`SELECT DISTINCT status FROM "case" WHERE status <> 'closed'`);
    expect(open.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps the maintained sums equal to their rows: recovered = ledger, claimed = claims', async () => {
    expect(
      await count(`"case" c WHERE c.recovered_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM payment p WHERE p.case_id = c.id)
                   OR c.claimed_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM case_claim l WHERE l.case_id = c.id)`),
    ).toBe(0);
    // Corrections take money off an earlier entry of the same case, never more than it had.
    expect(
      await count(`payment k JOIN payment o ON o.id = k.corrects_id
                    WHERE k.amount_fen >= 0 OR o.case_id <> k.case_id OR o.corrects_id IS NOT NULL
                       OR o.amount_fen + k.amount_fen < 0 OR k.created_at <= o.created_at`),
    ).toBe(0);
  });

  it('holds the case rules: closure fields, collective and priority, the owning unit path', async () => {
    expect(
      await count(`"case" WHERE (status = 'closed') <> (outcome IS NOT NULL AND closed_at IS NOT NULL)
                     OR (status <> 'closed' AND (outcome IS NOT NULL OR closed_at IS NOT NULL))
                     OR collective <> (workers_affected >= 10)
                     OR (collective AND priority = 'normal')
                     OR received_at > now() OR closed_at < received_at`),
    ).toBe(0);
    expect(await count(`"case" c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.path <> c.owner_path`)).toBe(0);
    // Each closed case's closed_at is the time of its last closing event.
    expect(
      await count(`"case" c WHERE c.status = 'closed' AND c.closed_at <> (
                     SELECT max(occurred_at) FROM case_event e WHERE e.case_id = c.id AND e.type IN
                       ('closed', 'withdrawn', 'not_accepted', 'closed_as_duplicate', 'answered_at_intake', 'received'))`),
    ).toBe(0);
  });

  it('writes each timeline in time order, from received at version 1 to the case version', async () => {
    expect(
      await count(`(SELECT e.case_id, e.type, e.version, e.occurred_at,
                           row_number() OVER w AS n,
                           lag(e.version) OVER w AS prev_version, lag(e.occurred_at) OVER w AS prev_at
                      FROM case_event e WINDOW w AS (PARTITION BY e.case_id ORDER BY e.id)) x
                    WHERE (n = 1 AND (type <> 'received' OR version <> 1))
                       OR version < prev_version OR occurred_at < prev_at`),
    ).toBe(0);
    expect(
      await count(`"case" c WHERE c.version <> (SELECT max(version) FROM case_event e WHERE e.case_id = c.id)`),
    ).toBe(0);
  });

  it('leaves every clock consistent with its policy, the working calendar and the case events', async () => {
    const calendar = await t.app.get(CalendarService).calendar();
    const timers = await rows<{
      case_id: string;
      timer: string;
      state: string;
      limit_ms: string;
      mode: CalendarMode;
      started_at: Date;
      warn_at: Date;
      due_at: Date;
      warned_at: Date | null;
      met_at: Date | null;
      breached_at: Date | null;
    }>('SELECT * FROM case_timer');
    const breachEvents = new Set(
      (
        await rows<{ k: string }>(
          `SELECT case_id || ':' || (data->>'timer') AS k FROM case_event WHERE type = 'sla_breached'`,
        )
      ).map((r) => r.k),
    );
    const problems: string[] = [];
    for (const x of timers) {
      const due = x.due_at.getTime();
      const ok =
        calendar.deadline(x.started_at.getTime(), Number(x.limit_ms), x.mode) === due &&
        (x.warned_at === null || x.warned_at >= x.warn_at) &&
        (x.state !== 'breached' ||
          (x.breached_at?.getTime() === due && x.met_at === null && breachEvents.has(`${x.case_id}:${x.timer}`))) &&
        (x.state !== 'met' || (x.met_at !== null && x.met_at.getTime() <= due && x.breached_at === null)) &&
        (x.state !== 'cancelled' || (x.met_at === null && x.breached_at === null)) &&
        (x.state !== 'running' || due >= seededFrom);
      if (!ok) problems.push(JSON.stringify(x));
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(
      await count(`(SELECT 1 FROM case_timer WHERE state IN ('running', 'paused')
                     GROUP BY case_id, timer, ref HAVING count(*) > 1) d`),
    ).toBe(0);
    // A case closed once and never reopened stopped its resolution clock when it closed.
    expect(
      await count(`case_timer t JOIN "case" c ON c.id = t.case_id
                    WHERE t.timer = 'resolution' AND c.reopen_count = 0 AND c.status = 'closed'
                      AND (t.state NOT IN ('met', 'breached') OR (t.state = 'met' AND t.met_at <> c.closed_at))`),
    ).toBe(0);
    const rate = async (timer: string) => {
      const [r] = await rows<{ met: number; breached: number }>(
        `SELECT count(*) FILTER (WHERE state = 'met')::int AS met, count(*) FILTER (WHERE state = 'breached')::int AS breached
           FROM case_timer WHERE timer = $1`,
        [timer],
      );
      return (r?.met ?? 0) / ((r?.met ?? 0) + (r?.breached ?? 1));
    };
    for (const timer of ['first_contact', 'acceptance', 'resolution', 'callback']) {
      const r = await rate(timer);
      expect({ timer, plausible: r > 0.75 && r < 0.995 }).toEqual({ timer, plausible: true });
    }
  });

  it('refers only to rows that exist, although foreign keys were not checked during the load', async () => {
    const fks = await rows<{ child: string; col: string; parent: string; pcol: string }>(
      `SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent, pa.attname AS pcol
         FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    expect(fks.length).toBeGreaterThan(10);
    for (const fk of fks) {
      const orphans = await count(
        `${fk.child} x WHERE x.${fk.col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p.${fk.pcol} = x.${fk.col})`,
      );
      expect({ fk, orphans }).toEqual({ fk, orphans: 0 });
    }
    // Actor columns have no foreign key, but name real accounts.
    for (const [table, col] of [
      ['"case"', 'created_by'],
      ['"case"', 'assignee_id'],
      ['case_event', 'actor_id'],
      ['payment', 'recorded_by'],
      ['case_callback', 'recorded_by'],
      ['call', 'operator_id'],
    ] as const) {
      const orphans = await count(
        `${table} x WHERE x.${col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = x.${col})`,
      );
      expect({ table, col, orphans }).toEqual({ table, col, orphans: 0 });
    }
  });

  it('encrypts parties with the real cipher, findable by the blind index of their phone', async () => {
    const pii = t.app.get(PiiCipher);
    const parties = await rows<{ phone_cipher: string; phone_index: string }>(
      'SELECT phone_cipher, phone_index FROM party LIMIT 50',
    );
    expect(parties.length).toBe(50);
    for (const party of parties) {
      const phone = pii.decrypt('phone', party.phone_cipher);
      expect(normalizeChineseMobile(phone)).toBe(phone);
      expect(pii.blindIndex('phone', phone)).toBe(party.phone_index);
    }
  });

  it('advances the per-year number sequences, so a real intake afterwards gets a fresh number', async () => {
    const years = await rows<{ year: string; last: string }>(
      `SELECT substr(number, 4, 4) AS year, max(number) AS last FROM "case" GROUP BY 1 ORDER BY 1`,
    );
    expect(years.length).toBeGreaterThanOrEqual(5);
    for (const { year, last } of years) {
      const [seq] = await rows<{ last_value: string }>(`SELECT last_value FROM case_no_${year}`);
      expect(Number(seq?.last_value)).toBe(Number(last.slice(8)));
    }
    // The demo accounts came with the seed: the hotline operator of the city logs a call.
    const login = await t.http.post<{ accessToken: string }>('/auth/login', {
      username: 'operator_city',
      password: readSeedUsers().password,
    });
    const call = await t.http.post<{ caseNumber: string }>('/calls', validCallBody(), {
      token: login.body.accessToken,
    });
    expect(call.status).toBe(201);
    const fresh = call.body.caseNumber;
    const before = years.find((y) => y.year === fresh.slice(3, 7))?.last ?? '';
    expect(fresh > before).toBe(true);
    expect(await count(`"case" WHERE number = $1`, [fresh])).toBe(1);
  });

  it('refuses a second --cases run; the plain seed leaves existing cases alone', async () => {
    const again = await seed(t.db.url, ['--cases', '10']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already has cases');
    const plain = await seed(t.db.url, []);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('cases exist, none generated');
    expect(await count('"case"')).toBe(CASES + 1);
  }, 60_000);

  it('rebuilds the report aggregates after the bulk load: every figure equals the raw-table computation', async () => {
    expect(output).toContain('report aggregates rebuilt');
    const login = await t.http.post<{ accessToken: string }>('/auth/login', {
      username: 'leader_city',
      password: readSeedUsers().password,
    });
    const leader = t.http.withToken(login.body.accessToken);
    const period = 'from=2020-01-01&to=2030-12-31';
    for (const path of [`/reports/summary?${period}`, `/reports/breakdown?by=unit&${period}`]) {
      const [fast, raw] = [await leader.get(`${path}&source=aggregates`), await leader.get(`${path}&source=raw`)];
      const figures = (body: unknown) => {
        const b = body as { figures?: unknown; rows?: unknown; total?: unknown };
        return { figures: b.figures, rows: b.rows, total: b.total };
      };
      expect(fast.status).toBe(200);
      expect(figures(fast.body)).toEqual(figures(raw.body));
    }
    const received = (await leader.get<{ figures: { received: number } }>(`/reports/summary?${period}`)).body;
    expect(received.figures.received).toBe(await count('"case"'));
  });
  // Last: it replaces the sample's clocks with the replayed ones.
  it('has the clocks the live clock hook makes from the same events (one set of rules for both)', async () => {
    const sample = await rows<{
      id: string;
      number: string;
      kind: CaseKind;
      category: CaseCategory;
      priority: CasePriority;
      status: CaseStatus;
      org_unit_id: string;
      owner_path: string;
      assignee_id: string | null;
      employer_id: string | null;
      workers_affected: number;
      dispute_arisen_on: string | null;
      version: number;
      answered: boolean;
    }>(
      `SELECT c.*, c.dispute_arisen_on::text AS dispute_arisen_on,
              EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type = 'consultation_answered') AS answered
         FROM "case" c ORDER BY c.id LIMIT 250`,
    );
    const ids = sample.map((c) => c.id);
    const clocks = async () =>
      (
        await rows<{ case_id: string; k: string; state: string; due_at: Date }>(
          `SELECT case_id, state, due_at,
                  concat_ws('|', timer, ref, policy_code, policy_version, limit_ms, mode, warn_fraction,
                            started_at, warn_at, due_at, met_at) AS k
             FROM case_timer WHERE case_id = ANY($1)`,
          [ids],
        )
      ).map((x) => ({ ...x, k: `${x.case_id}|${x.k}` }));
    const seeded = await clocks();
    const events = await rows<{
      case_id: string;
      type: CaseEventType;
      data: Record<string, unknown>;
      occurred_at: Date;
    }>(
      `SELECT case_id, type, data, occurred_at FROM case_event
        WHERE case_id = ANY($1) AND type NOT IN ('sla_warning', 'sla_breached') ORDER BY id`,
      [ids],
    );
    await db.query('DELETE FROM case_timer WHERE case_id = ANY($1)', [ids]);

    const hook = t.app.get(SlaClockHook, { strict: false });
    const unitOfWork = t.app.get(DbContext);
    const clock = t.app.get(Clock);
    const byId = new Map(sample.map((c) => [c.id, c]));
    const realNow = clock.now.bind(clock);
    try {
      for (const e of events) {
        const c = byId.get(e.case_id);
        if (!c) throw new Error(`event of a case outside the sample: ${e.case_id}`);
        const after: CaseState = {
          id: c.id,
          number: c.number,
          kind: c.kind,
          category: c.category,
          priority: c.priority,
          // All the rules read of the status: whether the case was created closed (answered on the spot).
          status: c.answered ? CaseStatus.Closed : CaseStatus.Received,
          orgUnitId: c.org_unit_id,
          ownerPath: c.owner_path,
          assigneeId: c.assignee_id,
          employerId: c.employer_id,
          workersAffected: c.workers_affected,
          disputeArisenOn: c.dispute_arisen_on,
          claimedFen: 0n,
          recoveredFen: 0n,
          version: c.version,
        };
        // The fake clock: the service's one Clock, moved to each event's time.
        clock.now = () => e.occurred_at;
        await unitOfWork.transaction(() =>
          hook.afterWrite({ event: e.type, data: e.data, before: null, after, at: e.occurred_at }),
        );
      }
    } finally {
      clock.now = realNow;
    }
    const replayed = await clocks();

    // The generator also plays the firing jobs up to the end of its history; here no worker runs, so a clock past
    // due that nothing stopped is still running, waiting for its job.
    const now = Date.now();
    const settled = (x: { k: string; state: string; due_at: Date }) =>
      `${x.k}|${x.state === 'running' && x.due_at.getTime() < now ? 'breached' : x.state}`;
    expect(replayed.map(settled).sort()).toEqual(seeded.map(settled).sort());
    // Enough of every outcome for the comparison to mean something.
    const states = new Map<string, number>();
    for (const x of seeded) states.set(x.state, (states.get(x.state) ?? 0) + 1);
    expect(seeded.length).toBeGreaterThan(500);
    for (const state of ['met', 'cancelled', 'breached']) {
      expect({ state, some: (states.get(state) ?? 0) > 10 }).toEqual({ state, some: true });
    }
  }, 120_000);
});
