import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workflow1795221148248 implements MigrationInterface {
  name = 'Workflow1795221148248';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."callback_result" AS ENUM(
                'satisfied',
                'basically_satisfied',
                'dissatisfied',
                'unreachable'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "case_callback" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "result" "public"."callback_result" NOT NULL,
                "attempts" smallint NOT NULL DEFAULT '1',
                "note" character varying(1000) NOT NULL DEFAULT '',
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8118ea024154ba4626b3d59f49c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_331aabbdaa40a3f0b343c365c7" ON "case_callback" ("case_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "dispatched_from_unit_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "first_worker_contact_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "proposed_outcome" "public"."case_outcome"
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "last_callback_result" "public"."callback_result"
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "reopen_count" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_bbc1f51254130f6f65d719ba66" ON "case" ("assignee_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "case_callback"
            ADD CONSTRAINT "fk_case_callback_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "case_callback" DROP CONSTRAINT "fk_case_callback_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_bbc1f51254130f6f65d719ba66"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "reopen_count"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "last_callback_result"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "proposed_outcome"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "first_worker_contact_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "dispatched_from_unit_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_331aabbdaa40a3f0b343c365c7"
        `);
    await queryRunner.query(`
            DROP TABLE "case_callback"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."callback_result"
        `);
  }
}
