import { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTRIB_VIEW } from './support/report-aggregates-v1';

const LATEST = 'ORDER BY t.started_at DESC LIMIT 1';
const LATEST_WITH_TIE_BREAK = 'ORDER BY t.started_at DESC, t.id DESC LIMIT 1';

/*
 * Two fixes to the report triggers (ReportAggregates):
 * - "once per case per transaction" was a text setting searched and copied for every touched case: quadratic, so a
 *   transaction touching tens of thousands of cases stalled at commit. A temporary table with a primary key is
 *   linear (created once per session, emptied at every commit).
 * - the latest clock of a kind had no tie-break when two started in the same instant.
 */
export class ReportTouchSet1795340000000 implements MigrationInterface {
  name = 'ReportTouchSet1795340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE VIEW "report_case_contrib" AS ${tieBroken()}`);
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION report_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_case uuid;
BEGIN
  -- Two statements, not one CASE: a record field is resolved when its statement is prepared.
  IF TG_TABLE_NAME = 'case' THEN v_case := NEW.id; ELSE v_case := NEW.case_id; END IF;
  IF to_regclass('pg_temp.report_touched') IS NULL THEN
    CREATE TEMP TABLE report_touched (case_id uuid PRIMARY KEY) ON COMMIT DELETE ROWS;
  END IF;
  INSERT INTO report_touched VALUES (v_case) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN RETURN NULL; END IF;
  PERFORM report_refresh_case(v_case);
  RETURN NULL;
END
$fn$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE VIEW "report_case_contrib" AS ${CONTRIB_VIEW}`);
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION report_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_case uuid;
  v_seen text := coalesce(current_setting('gd.report_touched', true), '');
BEGIN
  IF TG_TABLE_NAME = 'case' THEN v_case := NEW.id; ELSE v_case := NEW.case_id; END IF;
  IF position(v_case::text IN v_seen) > 0 THEN RETURN NULL; END IF;
  PERFORM set_config('gd.report_touched', v_seen || v_case::text || ',', true);
  PERFORM report_refresh_case(v_case);
  RETURN NULL;
END
$fn$`);
  }
}

function tieBroken(): string {
  if (!CONTRIB_VIEW.includes(LATEST)) throw new Error('report_case_contrib no longer orders clocks as expected');
  return CONTRIB_VIEW.split(LATEST).join(LATEST_WITH_TIE_BREAK);
}
