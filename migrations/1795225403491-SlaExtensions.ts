import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaExtensions1795225403491 implements MigrationInterface {
  name = 'SlaExtensions1795225403491';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."extension_state" AS ENUM('pending', 'approved', 'rejected')
        `);
    await queryRunner.query(`
            CREATE TABLE "timer_extension_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "timer_id" uuid NOT NULL,
                "amount" integer NOT NULL,
                "unit" character varying(10) NOT NULL,
                "amount_ms" bigint NOT NULL,
                "reason" character varying(500) NOT NULL,
                "state" "public"."extension_state" NOT NULL,
                "requested_by" uuid NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_note" character varying(500) NOT NULL DEFAULT '',
                CONSTRAINT "PK_f3b9ec77bd833742e32c1b23d17" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6952a16acd8f65c55e060473f7" ON "timer_extension_request" ("timer_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_timer_extension_request_case" ON "timer_extension_request" ("case_id", "requested_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "case_timer"
            ADD "max_extension_ms" bigint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "case_timer"
            ADD "extended_ms" bigint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "timer_extension_request"
            ADD CONSTRAINT "fk_timer_extension_request_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "timer_extension_request"
            ADD CONSTRAINT "fk_timer_extension_request_timer" FOREIGN KEY ("timer_id") REFERENCES "case_timer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Reviewed addition: one undecided request per clock at a time.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_timer_extension_request_pending" ON "timer_extension_request" ("timer_id")
             WHERE "state" = 'pending'
        `);
    // Reviewed addition: policies seeded before extensions and instalment clocks existed get the defaults that
    // config/sla-policies.json now has (a cap of one more limit; none for the statutory limitation and for
    // instalments; an instalment rule), as a new version. Fresh installations have no rows yet: the seed does it.
    await queryRunner.query(`
            WITH filled AS (
              SELECT p.code, (
                       SELECT jsonb_object_agg(e.key, CASE WHEN e.value ? 'maxExtension' THEN e.value
                                ELSE e.value || jsonb_build_object('maxExtension',
                                       CASE WHEN e.key IN ('limitation', 'instalment') THEN 0
                                            ELSE (e.value->>'amount')::int END) END)
                         FROM jsonb_each(p.timers) AS e
                     ) || CASE WHEN p.timers ? 'instalment' THEN '{}'::jsonb ELSE jsonb_build_object('instalment',
                            '{"amount": 0, "unit": "days", "mode": "natural", "warnAt": 0.9, "maxExtension": 0}'::jsonb)
                          END AS timers
                FROM sla_policy p WHERE p.timers <> '{}'::jsonb
            )
            UPDATE sla_policy p SET timers = filled.timers, version = p.version + 1, updated_at = now()
              FROM filled WHERE filled.code = p.code AND filled.timers <> p.timers
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Policy rules keep their new keys: older code ignores maxExtension and never starts instalment clocks.
    await queryRunner.query(`DROP INDEX "uq_timer_extension_request_pending"`);
    await queryRunner.query(`
            ALTER TABLE "timer_extension_request" DROP CONSTRAINT "fk_timer_extension_request_timer"
        `);
    await queryRunner.query(`
            ALTER TABLE "timer_extension_request" DROP CONSTRAINT "fk_timer_extension_request_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_timer" DROP COLUMN "extended_ms"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_timer" DROP COLUMN "max_extension_ms"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_timer_extension_request_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6952a16acd8f65c55e060473f7"
        `);
    await queryRunner.query(`
            DROP TABLE "timer_extension_request"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."extension_state"
        `);
  }
}
