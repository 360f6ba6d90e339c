import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A warning job fires, with its own clock, the other clocks whose warning time has passed (and the reconciler looks
 * for them every minute): this partial index keeps that to an index range over the warnings still to send instead
 * of a scan of every running clock.
 */
export class TimerWarnIndex1795330000000 implements MigrationInterface {
  name = 'TimerWarnIndex1795330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_case_timer_warn_pending" ON "case_timer" ("warn_at") WHERE state = 'running' AND warned_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_case_timer_warn_pending"`);
  }
}
