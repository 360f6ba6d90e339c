import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * report_touch skips a case only when it is the case the previous trigger of this transaction refreshed.
 *
 * The temporary table of ReportTouchSet made every intake pay for a catalog lookup, a temp-table insert per
 * touched row and a truncation of that table at every commit: measured with pgbench on the intake statements, the
 * triggers' bookkeeping cost more than the refresh itself (1,104 tps without the triggers, 770 with them and an
 * empty refresh, 646 with both). Skipping is only an optimisation — report_refresh_case diffs against the stored
 * facts, so refreshing a case twice in one commit writes no second delta — and the deferred events of one
 * statement or one case arrive together (a case and its clocks at intake; one clock per case in a batch), so
 * remembering the last case catches the repeats that occur, in constant time and with no table.
 */
export class ReportTouchLastCase1795360000000 implements MigrationInterface {
  name = 'ReportTouchLastCase1795360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION report_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_case uuid;
BEGIN
  -- Two statements, not one CASE: a record field is resolved when its statement is prepared.
  IF TG_TABLE_NAME = 'case' THEN v_case := NEW.id; ELSE v_case := NEW.case_id; END IF;
  IF current_setting('gd.report_last_touched', true) = v_case::text THEN RETURN NULL; END IF;
  PERFORM set_config('gd.report_last_touched', v_case::text, true);
  PERFORM report_refresh_case(v_case);
  RETURN NULL;
END
$fn$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION report_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_case uuid;
BEGIN
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
}
