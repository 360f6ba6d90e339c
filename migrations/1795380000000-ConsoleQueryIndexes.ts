import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The console's lists, each an index range instead of a scan:
 * - a unit's dispatch desk (its triaged and dispatched cases), a small partial index;
 * - closed cases still owed a callback, in the case list's (scope, received_at, id) order — most closed cases
 *   have had theirs, so the index holds only the few waiting;
 * - an operator's own call log, newest first;
 * - employer suggestions: a fragment of the normalised name (trigram) or the start of a credit code (pattern
 *   ops, since the database collation is not C);
 * - extension requests oldest first, for one state or all.
 */
export class ConsoleQueryIndexes1795380000000 implements MigrationInterface {
  name = 'ConsoleQueryIndexes1795380000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_case_dispatch_desk" ON "case" ("org_unit_id") WHERE status IN ('triaged', 'dispatched')`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_case_awaiting_callback" ON "case" ("owner_path" text_pattern_ops, "received_at" DESC, "id" DESC)
         WHERE status = 'closed' AND last_callback_result IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_call_operator_started" ON "call" ("operator_id", "started_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_employer_normalized_name_trgm" ON "employer" USING gin ("normalized_name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_employer_credit_code_prefix" ON "employer" ("credit_code" bpchar_pattern_ops)
         WHERE credit_code IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_timer_extension_request_state" ON "timer_extension_request" ("state", "requested_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_timer_extension_request_requested" ON "timer_extension_request" ("requested_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'idx_timer_extension_request_requested',
      'idx_timer_extension_request_state',
      'idx_employer_credit_code_prefix',
      'idx_employer_normalized_name_trgm',
      'idx_call_operator_started',
      'idx_case_awaiting_callback',
      'idx_case_dispatch_desk',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
  }
}
