import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExportJobs1795310000000 implements MigrationInterface {
  name = 'ExportJobs1795310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."export_kind" AS ENUM('cases', 'breakdown')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."export_format" AS ENUM('csv', 'xlsx')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."export_state" AS ENUM('queued', 'running', 'done', 'failed', 'expired')
        `);
    await queryRunner.query(`
            CREATE TABLE "export_job" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "unit_path" text NOT NULL,
                "kind" "public"."export_kind" NOT NULL,
                "format" "public"."export_format" NOT NULL,
                "filters" jsonb NOT NULL,
                "state" "public"."export_state" NOT NULL DEFAULT 'queued',
                "progress" smallint NOT NULL DEFAULT '0',
                "row_count" integer,
                "file_name" character varying(200) NOT NULL,
                "file_key" character varying(200),
                "size_bytes" bigint,
                "error" character varying(500),
                "attempts" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_export_job_progress" CHECK (
                    "progress" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_2edcb6f1780d22e5a9f2f29f466" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_export_job_state" ON "export_job" ("state", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_export_job_owner" ON "export_job" ("owner_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "export_job"
            ADD CONSTRAINT "fk_export_job_owner" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "export_job"
            ADD CONSTRAINT "fk_export_job_unit" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "export_job" DROP CONSTRAINT "fk_export_job_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "export_job" DROP CONSTRAINT "fk_export_job_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_export_job_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_export_job_state"
        `);
    await queryRunner.query(`
            DROP TABLE "export_job"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."export_state"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."export_format"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."export_kind"
        `);
  }
}
