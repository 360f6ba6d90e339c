import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaTimers1795222862088 implements MigrationInterface {
  name = 'SlaTimers1795222862088';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sla_policy" (
                "code" character varying(40) NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "position" integer NOT NULL DEFAULT '0',
                "match" jsonb NOT NULL DEFAULT '{}',
                "timers" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7f718ed311e6710564a1b89cef9" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."timer_name" AS ENUM(
                'first_contact',
                'acceptance',
                'mediation',
                'resolution',
                'callback',
                'instalment',
                'limitation'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."timer_state" AS ENUM(
                'running',
                'paused',
                'met',
                'breached',
                'cancelled'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "case_timer" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "timer" "public"."timer_name" NOT NULL,
                "ref" character varying(64) NOT NULL DEFAULT '',
                "state" "public"."timer_state" NOT NULL,
                "policy_code" character varying(40) NOT NULL,
                "policy_version" integer NOT NULL,
                "limit_ms" bigint NOT NULL,
                "mode" character varying(20) NOT NULL,
                "warn_fraction" real NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "warn_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline_version" integer NOT NULL DEFAULT '1',
                "paused_since" TIMESTAMP WITH TIME ZONE,
                "paused_total_ms" bigint NOT NULL DEFAULT '0',
                "warned_at" TIMESTAMP WITH TIME ZONE,
                "met_at" TIMESTAMP WITH TIME ZONE,
                "breached_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_856185241563b2fda0def488c31" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_482bdf5f51f416b608e7692e6b" ON "case_timer" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_case_timer_due" ON "case_timer" ("state", "due_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "case_timer"
            ADD CONSTRAINT "fk_case_timer_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Reviewed addition: at most one running or paused clock of a kind (and ref) per case.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_case_timer_active" ON "case_timer" ("case_id", "timer", "ref")
             WHERE "state" IN ('running', 'paused')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_case_timer_active"`);
    await queryRunner.query(`
            ALTER TABLE "case_timer" DROP CONSTRAINT "fk_case_timer_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_case_timer_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_482bdf5f51f416b608e7692e6b"
        `);
    await queryRunner.query(`
            DROP TABLE "case_timer"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."timer_state"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."timer_name"
        `);
    await queryRunner.query(`
            DROP TABLE "sla_policy"
        `);
  }
}
