import { MigrationInterface, QueryRunner } from 'typeorm';

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
const METRICS = [
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

const DIMS = 'org_unit_id, kind, category, channel, outcome';
const DIM_COLUMNS = `
  "org_unit_id" uuid NOT NULL,
  "kind" "public"."case_kind" NOT NULL,
  "category" "public"."case_category" NOT NULL,
  "channel" "public"."channel" NOT NULL,
  "outcome" "public"."case_outcome"`;
const METRIC_COLUMNS = METRICS.map((m) => `"${m}" bigint NOT NULL DEFAULT 0`).join(',\n  ');
const sums = (prefix = ''): string => METRICS.map((m) => `sum(${prefix}${m})::bigint AS ${m}`).join(', ');
const list = (prefix = ''): string => METRICS.map((m) => `${prefix}${m}`).join(', ');
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

const CONTRIB_VIEW = [
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

export class ReportAggregates1795300000000 implements MigrationInterface {
  name = 'ReportAggregates1795300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW "report_case_contrib" AS ${CONTRIB_VIEW}`);
    await queryRunner.query(`CREATE TABLE "report_case_fact" (
  "case_id" uuid NOT NULL,
  "day" date NOT NULL,
  ${DIM_COLUMNS},
  ${METRIC_COLUMNS}
)`);
    await queryRunner.query(`CREATE INDEX "idx_report_case_fact_case" ON "report_case_fact" ("case_id")`);
    await queryRunner.query(`CREATE TABLE "report_delta" (
  "id" bigserial PRIMARY KEY,
  "day" date NOT NULL,
  ${DIM_COLUMNS},
  ${METRIC_COLUMNS}
)`);
    await queryRunner.query(cube('report_day', 'day', DIM_COLUMNS));
    await queryRunner.query(
      `ALTER TABLE "report_day" ADD CONSTRAINT "uq_report_day" UNIQUE NULLS NOT DISTINCT ("day", ${DIMS})`,
    );
    await queryRunner.query(cube('report_month', 'month', DIM_COLUMNS));
    await queryRunner.query(
      `ALTER TABLE "report_month" ADD CONSTRAINT "uq_report_month" UNIQUE NULLS NOT DISTINCT ("month", ${DIMS})`,
    );
    await queryRunner.query(cube('report_month_unit', 'month', COARSE_DIMS));
    await queryRunner.query(
      `ALTER TABLE "report_month_unit" ADD CONSTRAINT "uq_report_month_unit" UNIQUE ("month", "org_unit_id", "kind")`,
    );

    // Serialised per case: two transactions refreshing one case would otherwise each subtract the same old facts.
    await queryRunner.query(`
CREATE FUNCTION report_refresh_case(p_case uuid) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(7301, hashtext(p_case::text));
  WITH fresh AS (
    SELECT case_id, day, ${DIMS}, ${sums()} FROM report_case_contrib WHERE case_id = p_case GROUP BY case_id, day, ${DIMS}
  ), old AS (
    DELETE FROM report_case_fact WHERE case_id = p_case RETURNING *
  ), ins AS (
    INSERT INTO report_case_fact SELECT * FROM fresh
  ), diff AS (
    SELECT day, ${DIMS}, ${sums()} FROM (
      SELECT day, ${DIMS}, ${list()} FROM fresh
      UNION ALL
      SELECT day, ${DIMS}, ${METRICS.map((m) => `-${m}`).join(', ')} FROM old
    ) x GROUP BY day, ${DIMS}
  )
  INSERT INTO report_delta (day, ${DIMS}, ${list()})
  SELECT * FROM diff WHERE ${METRICS.map((m) => `${m} <> 0`).join(' OR ')};
END
$fn$`);

    // Deferred to commit and once per case per transaction: the last state is all that counts.
    await queryRunner.query(`
CREATE FUNCTION report_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_case uuid;
  v_seen text := coalesce(current_setting('gd.report_touched', true), '');
BEGIN
  -- Two statements, not one CASE: a record field is resolved when its statement is prepared.
  IF TG_TABLE_NAME = 'case' THEN v_case := NEW.id; ELSE v_case := NEW.case_id; END IF;
  IF position(v_case::text IN v_seen) > 0 THEN RETURN NULL; END IF;
  PERFORM set_config('gd.report_touched', v_seen || v_case::text || ',', true);
  PERFORM report_refresh_case(v_case);
  RETURN NULL;
END
$fn$`);
    const relevantCaseColumns = [
      'org_unit_id',
      'kind',
      'category',
      'channel',
      'outcome',
      'status',
      'closed_at',
      'received_at',
      'collective',
      'workers_affected',
      'claimed_fen',
      'agreed_fen',
      'awarded_fen',
      'recovered_fen',
    ];
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "trg_report_case_insert" AFTER INSERT ON "case"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_touch()`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "trg_report_case_update" AFTER UPDATE ON "case"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (${relevantCaseColumns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
      EXECUTE FUNCTION report_touch()`);
    for (const table of ['payment', 'case_callback']) {
      await queryRunner.query(`CREATE CONSTRAINT TRIGGER "trg_report_${table}" AFTER INSERT ON "${table}"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_touch()`);
    }
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "trg_report_case_timer_insert" AFTER INSERT ON "case_timer"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_touch()`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "trg_report_case_timer_update" AFTER UPDATE ON "case_timer"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.breached_at IS DISTINCT FROM NEW.breached_at)
      EXECUTE FUNCTION report_touch()`);

    // Folds up to p_limit deltas into the cubes; one caller at a time (others return 0 at once).
    await queryRunner.query(`
CREATE FUNCTION report_rollup(p_limit int) RETURNS int LANGUAGE plpgsql AS $fn$
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
$fn$`);

    // Recomputes every aggregate from the raw tables: after a bulk load with triggers off, or as a repair.
    await queryRunner.query(`
CREATE FUNCTION report_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
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
$fn$`);

    // Backlog and hotspots are read live; these keep them to index ranges instead of full scans.
    await queryRunner.query(
      `CREATE INDEX "idx_case_open" ON "case" ("owner_path" text_pattern_ops, "received_at") WHERE status <> 'closed'`,
    );
    await queryRunner.query(`CREATE INDEX "idx_case_received" ON "case" ("received_at")`);
    await queryRunner.query(`CREATE INDEX "idx_case_closed" ON "case" ("closed_at") WHERE closed_at IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_timer_breached" ON "case_timer" ("breached_at") WHERE breached_at IS NOT NULL`,
    );
    await queryRunner.query(`SELECT report_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['idx_case_open', 'idx_case_received', 'idx_case_closed', 'idx_case_timer_breached']) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    await queryRunner.query(`DROP TRIGGER "trg_report_case_timer_update" ON "case_timer"`);
    await queryRunner.query(`DROP TRIGGER "trg_report_case_timer_insert" ON "case_timer"`);
    await queryRunner.query(`DROP TRIGGER "trg_report_case_callback" ON "case_callback"`);
    await queryRunner.query(`DROP TRIGGER "trg_report_payment" ON "payment"`);
    await queryRunner.query(`DROP TRIGGER "trg_report_case_update" ON "case"`);
    await queryRunner.query(`DROP TRIGGER "trg_report_case_insert" ON "case"`);
    for (const fn of ['report_rebuild()', 'report_rollup(int)', 'report_touch()', 'report_refresh_case(uuid)']) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
    for (const table of ['report_month_unit', 'report_month', 'report_day', 'report_delta', 'report_case_fact']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP VIEW "report_case_contrib"`);
  }
}
