import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  METRICS,
  DIMS,
  DIM_COLUMNS,
  METRIC_COLUMNS,
  CONTRIB_VIEW,
  sums,
  list,
  cubeStatements,
} from './support/report-aggregates-v1';

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

    for (const sql of cubeStatements()) await queryRunner.query(sql);

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
