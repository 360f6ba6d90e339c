import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeyCreatedIndex1795350000000 implements MigrationInterface {
  name = 'IdempotencyKeyCreatedIndex1795350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "idx_idempotency_key_created" ON "idempotency_key" ("created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_idempotency_key_created"
        `);
  }
}
