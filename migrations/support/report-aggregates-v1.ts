// SQL of the ReportAggregates migration, shared with ReportTreeCubes' down(); frozen like a migration.

/*
 * Maintained report aggregates (docs/metrics.md, "How the figures stay fast").
 *
 * report_case_contrib (a view) says what one case contributes to every counter, on which Shanghai day, under the
 * case's current dimensions. Deferred triggers on the raw tables re-derive a touched case's contribution at commit,
 * diff it against the stored one (report_case_fact) and append the difference to report_delta: append-only, so
 * concurrent commits never fight over a hot counter row. A job folds deltas into day and month cubes; readers add
 * the few deltas not yet folded, so the figures are exact at every instant.
 *
 * Hand-written (TypeORM cannot generate views, functions or triggers). The metric list is frozen here on purpose:
 * a later change of metrics is a new migration, not an edit of this one.
 */
export const METRICS = [
  'received',
  'cohort_closed',
  'collective',
  'claimed_fen',
  'agreed_fen',
  'awarded_fen',
  'fc_decided',
  'fc_on_time',
  'closed',
  'closed_on_time',
  'resolution_base',
  'resolved_halves',
  'callbacks_reached',
  'callbacks_satisfied',
  'recovered_fen',
  'workers_benefited',
  'cases_benefited',
  'breach_first_contact',
  'breach_acceptance',
  'breach_mediation',
  'breach_resolution',
  'breach_callback',
  'breach_instalment',
  'breach_limitation',
] as const;
type Metric = (typeof METRICS)[number];

export const DIMS = 'org_unit_id, kind, category, channel, outcome';
export const DIM_COLUMNS = `
  "org_unit_id" uuid NOT NULL,
  "kind" "public"."case_kind" NOT NULL,
  "category" "public"."case_category" NOT NULL,
  "channel" "public"."channel" NOT NULL,
  "outcome" "public"."case_outcome"`;
export const METRIC_COLUMNS = METRICS.map((m) => `"${m}" bigint NOT NULL DEFAULT 0`).join(',\n  ');
export const sums = (prefix = ''): string => METRICS.map((m) => `sum(${prefix}${m})::bigint AS ${m}`).join(', ');
export const list = (prefix = ''): string => METRICS.map((m) => `${prefix}${m}`).join(', ');
const SHANGHAI_DAY = (ts: string): string => `(${ts} AT TIME ZONE 'Asia/Shanghai')::date`;

/** One branch of the contribution view: the given metrics, zero for the others. */
function branch(day: string, values: Partial<Record<Metric, string>>, from: string): string {
  const columns = METRICS.map((m) => `(${values[m] ?? '0'})::bigint AS ${m}`).join(', ');
  return `SELECT c.id AS case_id, ${day} AS day, c.org_unit_id, c.kind, c.category, c.channel, c.outcome, ${columns} ${from}`;
}

/** A condition counted as 1 or 0 (a missing timer counts 0, not NULL). */
const flag = (condition: string): string => `coalesce((${condition})::int, 0)`;

const RESOLVING = `('answered','resolved_by_negotiation','mediation_agreement','arbitration_award','court_judgment','settled')`;
const latestTimer = (name: string, alias: string): string =>
  `LEFT JOIN LATERAL (SELECT t.state FROM case_timer t WHERE t.case_id = c.id AND t.timer = '${name}'
     ORDER BY t.started_at DESC LIMIT 1) ${alias} ON true`;

export const CONTRIB_VIEW = [
  branch(
    SHANGHAI_DAY('c.received_at'),
    {
      received: '1',
      cohort_closed: flag(`c.status = 'closed'`),
      collective: flag('c.collective'),
      claimed_fen: 'c.claimed_fen',
      agreed_fen: 'c.agreed_fen',
      awarded_fen: 'c.awarded_fen',
      fc_decided: flag(`fc.state IN ('met','breached')`),
      fc_on_time: flag(`fc.state = 'met'`),
    },
    `FROM "case" c ${latestTimer('first_contact', 'fc')}`,
  ),
  branch(
    SHANGHAI_DAY('c.closed_at'),
    {
      closed: '1',
      closed_on_time: flag(`coalesce(rt.state <> 'breached', true)`),
      resolution_base: flag(`c.outcome NOT IN ('withdrawn','duplicate','not_accepted')`),
      resolved_halves: `CASE WHEN c.outcome IN ${RESOLVING} THEN 2 WHEN c.outcome = 'partially_resolved' THEN 1 ELSE 0 END`,
    },
    `FROM "case" c ${latestTimer('resolution', 'rt')} WHERE c.status = 'closed' AND c.closed_at IS NOT NULL`,
  ),
  branch(
    SHANGHAI_DAY('cb.recorded_at'),
    {
      callbacks_reached: flag(`cb.result <> 'unreachable'`),
      callbacks_satisfied: flag(`cb.result IN ('satisfied','basically_satisfied')`),
    },
    `FROM case_callback cb JOIN "case" c ON c.id = cb.case_id`,
  ),
  branch('p.paid_on', { recovered_fen: 'p.amount_fen' }, `FROM payment p JOIN "case" c ON c.id = p.case_id`),
  branch(
    'fp.day',
    { workers_benefited: 'c.workers_affected', cases_benefited: '1' },
    `FROM "case" c JOIN LATERAL (SELECT min(p.paid_on) AS day FROM payment p WHERE p.case_id = c.id AND p.amount_fen > 0) fp
       ON fp.day IS NOT NULL WHERE c.recovered_fen > 0`,
  ),
  branch(
    SHANGHAI_DAY('t.breached_at'),
    Object.fromEntries(
      ['first_contact', 'acceptance', 'mediation', 'resolution', 'callback', 'instalment', 'limitation'].map((n) => [
        `breach_${n}`,
        flag(`t.timer = '${n}'`),
      ]),
    ),
    `FROM case_timer t JOIN "case" c ON c.id = t.case_id WHERE t.breached_at IS NOT NULL`,
  ),
].join('\nUNION ALL\n');

function cube(table: string, bucket: string, dims: string): string {
  return `CREATE TABLE "${table}" (
  "${bucket}" date NOT NULL,
  ${dims},
  ${METRIC_COLUMNS}
)`;
}

const COARSE_DIMS = `"org_unit_id" uuid NOT NULL,
  "kind" "public"."case_kind" NOT NULL`;

const upsert = (table: string, bucket: string, keys: string, source: string): string => `
  INSERT INTO "${table}" (${bucket}, ${keys}, ${list()})
  SELECT ${source === 'day' ? 'day' : "date_trunc('month', day)::date"}, ${keys}, ${sums()} FROM report_moved
  GROUP BY 1, ${keys}
  ON CONFLICT ON CONSTRAINT "uq_${table}" DO UPDATE SET ${METRICS.map((m) => `${m} = "${table}".${m} + excluded.${m}`).join(', ')}`;

/** The cubes and their rollup/rebuild functions (also restored by ReportTreeCubes' down). */
export function cubeStatements(): string[] {
  return [
    cube('report_day', 'day', DIM_COLUMNS),

    `ALTER TABLE "report_day" ADD CONSTRAINT "uq_report_day" UNIQUE NULLS NOT DISTINCT ("day", ${DIMS})`,
    cube('report_month', 'month', DIM_COLUMNS),

    `ALTER TABLE "report_month" ADD CONSTRAINT "uq_report_month" UNIQUE NULLS NOT DISTINCT ("month", ${DIMS})`,
    cube('report_month_unit', 'month', COARSE_DIMS),

    `ALTER TABLE "report_month_unit" ADD CONSTRAINT "uq_report_month_unit" UNIQUE ("month", "org_unit_id", "kind")`,
    // Folds up to p_limit deltas into the cubes; one caller at a time (others return 0 at once).
    `
CREATE OR REPLACE FUNCTION report_rollup(p_limit int) RETURNS int LANGUAGE plpgsql AS $fn$
DECLARE
  v_moved int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7302, 0) THEN RETURN 0; END IF;
  CREATE TEMP TABLE IF NOT EXISTS report_moved (LIKE report_delta) ON COMMIT DELETE ROWS;
  TRUNCATE report_moved;
  WITH d AS (
    DELETE FROM report_delta WHERE id IN (SELECT id FROM report_delta ORDER BY id LIMIT p_limit) RETURNING *
  ) INSERT INTO report_moved SELECT * FROM d;
  GET DIAGNOSTICS v_moved = ROW_COUNT;
  IF v_moved = 0 THEN RETURN 0; END IF;
  ${upsert('report_day', 'day', DIMS, 'day')};
  ${upsert('report_month', 'month', DIMS, 'month')};
  ${upsert('report_month_unit', 'month', 'org_unit_id, kind', 'month')};
  RETURN v_moved;
END
$fn$`,

    // Recomputes every aggregate from the raw tables: after a bulk load with triggers off, or as a repair.
    `
CREATE OR REPLACE FUNCTION report_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  v_rows bigint;
BEGIN
  LOCK TABLE report_case_fact, report_delta, report_day, report_month, report_month_unit IN ACCESS EXCLUSIVE MODE;
  TRUNCATE report_case_fact, report_delta, report_day, report_month, report_month_unit;
  INSERT INTO report_case_fact
    SELECT case_id, day, ${DIMS}, ${sums()} FROM report_case_contrib GROUP BY case_id, day, ${DIMS};
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  INSERT INTO report_day (day, ${DIMS}, ${list()})
    SELECT day, ${DIMS}, ${sums()} FROM report_case_fact GROUP BY day, ${DIMS};
  INSERT INTO report_month (month, ${DIMS}, ${list()})
    SELECT date_trunc('month', day)::date, ${DIMS}, ${sums()} FROM report_day GROUP BY 1, ${DIMS};
  INSERT INTO report_month_unit (month, org_unit_id, kind, ${list()})
    SELECT month, org_unit_id, kind, ${sums()} FROM report_month GROUP BY month, org_unit_id, kind;
  RETURN v_rows;
END
$fn$`,
  ];
}
