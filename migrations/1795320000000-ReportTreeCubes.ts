import { MigrationInterface, QueryRunner } from 'typeorm';
import { cubeStatements, list, METRIC_COLUMNS, METRICS, sums } from './support/report-aggregates-v1';

/*
 * Report cubes keyed by every ancestor unit, not only the owning one (docs/metrics.md, "How the figures stay
 * fast"). A report on a unit's subtree then reads the rows of exactly that unit (an index range), instead of
 * joining every owning unit's rows and filtering their paths: at a million cases that is the difference between
 * reading a few hundred rows and a few hundred thousand. Coarse cubes (by kind only) serve the common questions;
 * the fine ones any filter or grouping. Same frozen metric list as ReportAggregates (its support module).
 */
const FINE = 'kind, category, channel, outcome';

interface Cube {
  table: string;
  bucket: 'day' | 'month';
  dims: string;
}

const CUBES: Cube[] = [
  { table: 'report_tree_day', bucket: 'day', dims: FINE },
  { table: 'report_tree_day_kind', bucket: 'day', dims: 'kind' },
  { table: 'report_tree_month', bucket: 'month', dims: FINE },
  { table: 'report_tree_month_kind', bucket: 'month', dims: 'kind' },
];

const DIM_TYPES: Record<string, string> = {
  kind: '"public"."case_kind" NOT NULL',
  category: '"public"."case_category" NOT NULL',
  channel: '"public"."channel" NOT NULL',
  outcome: '"public"."case_outcome"',
};

function createCube(cube: Cube): string[] {
  const dims = cube.dims.split(', ');
  return [
    `CREATE TABLE "${cube.table}" (
  "unit_id" uuid NOT NULL,
  "${cube.bucket}" date NOT NULL,
  ${dims.map((d) => `"${d}" ${DIM_TYPES[d] ?? ''}`).join(',\n  ')},
  ${METRIC_COLUMNS}
)`,
    // unit first: a report reads one unit's rows over a range of days or months.
    `ALTER TABLE "${cube.table}" ADD CONSTRAINT "uq_${cube.table}" UNIQUE NULLS NOT DISTINCT ("unit_id", "${cube.bucket}", ${cube.dims})`,
  ];
}

/** Rows of `source` (with day and org_unit_id) expanded to every ancestor of the owning unit, itself included. */
const EXPANDED = (source: string): string => `
  SELECT a.unit_id, s.* FROM ${source} s JOIN org_unit u ON u.id = s.org_unit_id
  CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/')::uuid[]) AS a(unit_id)`;

function fold(cube: Cube, source: string): string {
  const bucket = cube.bucket === 'day' ? 'day' : "date_trunc('month', day)::date";
  return `INSERT INTO "${cube.table}" (unit_id, ${cube.bucket}, ${cube.dims}, ${list()})
  SELECT unit_id, ${bucket}, ${cube.dims}, ${sums()} FROM (${EXPANDED(source)}) x
  GROUP BY unit_id, 2, ${cube.dims}
  ON CONFLICT ON CONSTRAINT "uq_${cube.table}" DO UPDATE SET ${METRICS.map((m) => `${m} = "${cube.table}".${m} + excluded.${m}`).join(', ')}`;
}

export class ReportTreeCubes1795320000000 implements MigrationInterface {
  name = 'ReportTreeCubes1795320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['report_month_unit', 'report_month', 'report_day']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const cube of CUBES) for (const sql of createCube(cube)) await queryRunner.query(sql);
    await queryRunner.query(`
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
  ${CUBES.map((cube) => fold(cube, 'report_moved')).join(';\n  ')};
  RETURN v_moved;
END
$fn$`);
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION report_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  v_rows bigint;
BEGIN
  LOCK TABLE report_case_fact, report_delta, ${CUBES.map((c) => c.table).join(', ')} IN ACCESS EXCLUSIVE MODE;
  TRUNCATE report_case_fact, report_delta, ${CUBES.map((c) => c.table).join(', ')};
  INSERT INTO report_case_fact
    SELECT case_id, day, org_unit_id, ${FINE}, ${sums()} FROM report_case_contrib GROUP BY case_id, day, org_unit_id, ${FINE};
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  ${CUBES.map((cube) => fold(cube, 'report_case_fact')).join(';\n  ')};
  RETURN v_rows;
END
$fn$`);
    await queryRunner.query(`SELECT report_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const cube of CUBES) await queryRunner.query(`DROP TABLE "${cube.table}"`);
    // The previous cubes and functions, exactly as ReportAggregates made them; derived data, so rebuilt.
    for (const sql of cubeStatements()) await queryRunner.query(sql);
    await queryRunner.query(`SELECT report_rebuild()`);
  }
}
