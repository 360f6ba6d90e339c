import { Client } from 'pg';

/**
 * Fixture of the timer benchmark, written with plain SQL because setting it up is not what is measured. The rows
 * are what production would hold: cases owned by street unions and assigned to a mediator there, each with a
 * running first-contact clock of the seeded `default` policy whose warning has already fired, so breach handling
 * does everything it does in production (event, notifications to the assignee and the district's dispatchers).
 */

export interface ArmableRow {
  id: string;
  deadline_version: number;
  warn_at: Date;
  due_at: Date;
}

const CASE_CHUNK = 5000;

/** Rows (aliased `t`) of the bench's own cases, should the database also hold a demo history (it is seeded without). */
export const BENCH_CASE = `t.case_id IN (SELECT id FROM "case" WHERE number LIKE 'TB%')`;

export async function createCases(db: Client, count: number): Promise<void> {
  await db.query('BEGIN');
  // One mediator per street union (the assignee) and one dispatcher per district federation (the unit above).
  await db.query(`
    INSERT INTO app_user (username, display_name, password_hash, roles, org_unit_id, version)
    SELECT 'bench_med_' || o.code, '基准调解员 ' || o.code, u.password_hash, ARRAY['mediator']::user_role[], o.id, 1
      FROM org_unit o, (SELECT password_hash FROM app_user WHERE username = 'operator_city') u
     WHERE o.kind = 'street'`);
  await db.query(`
    INSERT INTO app_user (username, display_name, password_hash, roles, org_unit_id, version)
    SELECT 'bench_disp_' || o.code, '基准派单员 ' || o.code, u.password_hash, ARRAY['dispatcher']::user_role[], o.id, 1
      FROM org_unit o, (SELECT password_hash FROM app_user WHERE username = 'operator_city') u
     WHERE o.kind = 'district'
       AND NOT EXISTS (SELECT 1 FROM app_user d WHERE d.org_unit_id = o.id AND 'dispatcher' = ANY (d.roles))`);
  await db.query('COMMIT');
  // Cases dealt round-robin over the streets, so consecutive due times land in different units. In chunks: each
  // case's report refresh runs at commit, and 100,000 of them in one transaction exhaust the shared lock table.
  for (let from = 0; from < count; from += CASE_CHUNK) {
    await db.query(
      `WITH streets AS (
         SELECT o.id, o.path, m.id AS mediator, row_number() OVER (ORDER BY o.code) - 1 AS n, count(*) OVER () AS total
           FROM org_unit o JOIN app_user m ON m.username = 'bench_med_' || o.code
          WHERE o.kind = 'street')
       INSERT INTO "case" (number, kind, category, priority, status, channel, org_unit_id, owner_path, assignee_id,
                           narrative, received_at, created_by, version)
       SELECT 'TB' || lpad(i::text, 8, '0'), 'labour_dispute', 'wage_arrears', 'normal', 'in_progress', 'hotline',
              s.id, s.path, s.mediator, '基准测试：拖欠工资', now() - interval '1 day',
              (SELECT id FROM app_user WHERE username = 'operator_city'), 3
         FROM generate_series($1::int, $2::int - 1) AS i JOIN streets s ON s.n = i % s.total`,
      [from, Math.min(count, from + CASE_CHUNK)],
    );
  }
  await db.query('ANALYZE "case"; ANALYZE app_user');
}

/**
 * Running first-contact clocks (24 h natural, warning at 75 %, already sent), due evenly over
 * [firstDue, firstDue + spreadMs). Returns what TimerScheduler needs to arm them.
 */
export async function startClocks(db: Client, firstDue: Date, spreadMs: number): Promise<ArmableRow[]> {
  const rows: ArmableRow[] = [];
  const { rows: counted } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "case" WHERE number LIKE 'TB%'`,
  );
  const total = counted[0]?.n ?? 0;
  // In chunks, like the cases: each clock's report refresh runs at commit.
  for (let from = 0; from < total; from += CASE_CHUNK) {
    const result = await db.query<ArmableRow>(
      `INSERT INTO case_timer (case_id, timer, ref, state, policy_code, policy_version, limit_ms, mode, warn_fraction,
                               started_at, warn_at, due_at, warned_at)
       SELECT c.id, 'first_contact', '', 'running', p.code, p.version, 86400000, 'natural', 0.75,
              d.due - interval '24 hours', d.due - interval '6 hours', d.due, d.due - interval '6 hours'
         FROM (SELECT id, row_number() OVER (ORDER BY number) - 1 AS i, count(*) OVER () AS total
                 FROM "case" WHERE number LIKE 'TB%') c
         JOIN sla_policy p ON p.code = 'default'
        CROSS JOIN LATERAL (SELECT $1::timestamptz + (c.i * $2::float8 / c.total) * interval '1 millisecond' AS due) d
        WHERE c.i >= $3 AND c.i < $4
       RETURNING id, deadline_version, warn_at, due_at`,
      [firstDue, spreadMs, from, from + CASE_CHUNK],
    );
    rows.push(...result.rows);
  }
  await db.query('ANALYZE case_timer');
  return rows;
}

/**
 * Instrumentation only: a deferred trigger stamps each breach event with the clock time at COMMIT, i.e. when the
 * breach became visible. The event's own occurred_at is now(), the start of the handler's transaction.
 */
export async function installCommitStamp(db: Client): Promise<void> {
  await db.query(`
    CREATE TABLE bench_breach_commit (case_id uuid NOT NULL, committed_at timestamptz NOT NULL);
    CREATE FUNCTION bench_breach_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO bench_breach_commit VALUES (NEW.case_id, clock_timestamp());
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER bench_breach_commit AFTER INSERT ON case_event
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.type = 'sla_breached')
      EXECUTE FUNCTION bench_breach_commit();`);
}

export interface Lateness {
  n: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  minMs: number;
}

/** Lateness of each handled breach against its clock's due time; `at` is the instant taken as "handled". */
export async function lateness(db: Client, at: 'commit' | 'event'): Promise<Lateness> {
  const join =
    at === 'commit'
      ? 'JOIN bench_breach_commit h ON h.case_id = t.case_id'
      : "JOIN case_event h ON h.case_id = t.case_id AND h.type = 'sla_breached'";
  const column = at === 'commit' ? 'h.committed_at' : 'h.occurred_at';
  const { rows } = await db.query<Record<keyof Lateness, number>>(
    `SELECT count(*)::int AS n,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY l) AS "p50Ms",
            percentile_disc(0.9) WITHIN GROUP (ORDER BY l) AS "p90Ms",
            percentile_disc(0.99) WITHIN GROUP (ORDER BY l) AS "p99Ms",
            max(l) AS "maxMs", min(l) AS "minMs"
       FROM (SELECT extract(epoch FROM ${column} - t.due_at)::float8 * 1000 AS l
               FROM case_timer t ${join} WHERE t.timer = 'first_contact' AND ${BENCH_CASE}) x`,
  );
  const row = rows[0];
  if (!row) throw new Error('no lateness row');
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    n: row.n,
    p50Ms: round(row.p50Ms),
    p90Ms: round(row.p90Ms),
    p99Ms: round(row.p99Ms),
    maxMs: round(row.maxMs),
    minMs: round(row.minMs),
  };
}

/** Exactly-once evidence: clocks breached, breach events (all and distinct cases), commit stamps, notifications. */
export async function tally(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(`
    SELECT (SELECT count(*)::int FROM case_timer t WHERE state = 'breached' AND ${BENCH_CASE}) AS "clocksBreached",
           (SELECT count(*)::int FROM case_timer t WHERE state = 'running' AND ${BENCH_CASE}) AS "clocksStillRunning",
           (SELECT count(*)::int FROM case_event t WHERE type = 'sla_breached' AND ${BENCH_CASE}) AS "breachEvents",
           (SELECT count(DISTINCT case_id)::int FROM case_event t WHERE type = 'sla_breached' AND ${BENCH_CASE})
             AS "casesWithBreachEvent",
           (SELECT count(*)::int FROM bench_breach_commit) AS "breachCommits",
           (SELECT count(*)::int FROM case_event t WHERE type = 'sla_warning' AND ${BENCH_CASE}) AS "warningEvents",
           (SELECT count(*)::int FROM notification t WHERE type = 'sla_breached' AND ${BENCH_CASE})
             AS "breachNotifications",
           (SELECT count(*)::int FROM (
              SELECT DISTINCT c.id, u.id FROM "case" c JOIN org_unit o ON o.id = c.org_unit_id
                JOIN app_user u ON u.id = c.assignee_id
                  OR (u.active AND u.org_unit_id IN (c.org_unit_id, o.parent_id) AND 'dispatcher' = ANY (u.roles))
               WHERE c.number LIKE 'TB%') r) AS "expectedBreachNotifications",
           (SELECT count(*)::int FROM notification_outbox o JOIN notification t ON t.id = o.notification_id
             WHERE o.delivered_at IS NOT NULL AND ${BENCH_CASE}) AS "notificationsDelivered"`);
  return rows[0] ?? {};
}

/** Breaches committed per second since `from`: the throughput the worker sustained. */
export async function perSecond(db: Client, from: Date): Promise<number[]> {
  const { rows } = await db.query<{ s: number; n: number }>(
    `SELECT floor(extract(epoch FROM committed_at - $1::timestamptz))::int AS s, count(*)::int AS n
       FROM bench_breach_commit GROUP BY 1 ORDER BY 1`,
    [from],
  );
  const last = rows.at(-1)?.s ?? -1;
  const series = new Array<number>(Math.max(0, last + 1)).fill(0);
  for (const row of rows) if (row.s >= 0) series[row.s] = row.n;
  return series;
}
