import { MigrationInterface, QueryRunner } from 'typeorm';

export class MediationLegalAidPayments1795221505789 implements MigrationInterface {
  name = 'MediationLegalAidPayments1795221505789';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."mediation_session_result" AS ENUM(
                'agreement',
                'partial_agreement',
                'no_agreement',
                'employer_absent'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "mediation_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "session_date" date NOT NULL,
                "place" character varying(200) NOT NULL,
                "mediator_id" uuid NOT NULL,
                "parties_present" text array NOT NULL DEFAULT '{}',
                "result" "public"."mediation_session_result" NOT NULL,
                "note" character varying(2000) NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0562347e550486b91c562cca4e3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ad31ad74a9c8de4ee121e29215" ON "mediation_session" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_instalment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "seq" smallint NOT NULL,
                "due_on" date NOT NULL,
                "amount_fen" bigint NOT NULL,
                CONSTRAINT "PK_1971e4d75a8b92fd47bb3aa6e38" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7c575d6d28fb608dee2605b866" ON "case_instalment" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."legal_stage" AS ENUM(
                'assessment',
                'arbitration',
                'litigation',
                'enforcement'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "legal_aid_stage" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "stage" "public"."legal_stage" NOT NULL,
                "forum" character varying(200),
                "external_case_number" character varying(100),
                "filed_on" date,
                "hearing_on" date,
                "decided_on" date,
                "awarded_fen" bigint,
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8956b64b817824f7132cb0a3306" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ac076e7b3c5f37b9c276b1cf6d" ON "legal_aid_stage" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."payer" AS ENUM(
                'employer',
                'guarantor',
                'wage_guarantee_fund',
                'court_enforcement',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "payment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "amount_fen" bigint NOT NULL,
                "paid_on" date NOT NULL,
                "payer" "public"."payer" NOT NULL,
                "evidence_attachment_id" uuid,
                "corrects_id" uuid,
                "reason" character varying(1000) NOT NULL DEFAULT '',
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_payment_correction" CHECK (
                    (
                        "corrects_id" IS NULL
                        AND "amount_fen" > 0
                    )
                    OR (
                        "corrects_id" IS NOT NULL
                        AND "amount_fen" < 0
                    )
                ),
                CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0ceb928a6719b058eb8bb6d57e" ON "payment" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3449c832778bf6960be74075b8" ON "payment" ("paid_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_31e73e712cd75917e36e976218" ON "payment" ("corrects_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "agreed_fen" bigint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "awarded_fen" bigint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "recovered_fen" bigint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "legal_aid_eligible" boolean
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD "legal_stage" "public"."legal_stage"
        `);
    await queryRunner.query(`
            ALTER TABLE "mediation_session"
            ADD CONSTRAINT "fk_mediation_session_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_instalment"
            ADD CONSTRAINT "fk_case_instalment_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "legal_aid_stage"
            ADD CONSTRAINT "fk_legal_aid_stage_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "fk_payment_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "fk_payment_corrects" FOREIGN KEY ("corrects_id") REFERENCES "payment"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    // Reviewed addition: the recovery ledger is append-only; corrections are new entries.
    await queryRunner.query(`
            CREATE FUNCTION payment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'payment is append-only: record a correcting entry' USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER payment_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON "payment"
              FOR EACH STATEMENT EXECUTE FUNCTION payment_append_only();
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "payment_no_update_delete" ON "payment"`);
    await queryRunner.query(`DROP FUNCTION payment_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "fk_payment_corrects"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "fk_payment_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "legal_aid_stage" DROP CONSTRAINT "fk_legal_aid_stage_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_instalment" DROP CONSTRAINT "fk_case_instalment_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "mediation_session" DROP CONSTRAINT "fk_mediation_session_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "legal_stage"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "legal_aid_eligible"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "recovered_fen"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "awarded_fen"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP COLUMN "agreed_fen"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_31e73e712cd75917e36e976218"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3449c832778bf6960be74075b8"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0ceb928a6719b058eb8bb6d57e"
        `);
    await queryRunner.query(`
            DROP TABLE "payment"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."payer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ac076e7b3c5f37b9c276b1cf6d"
        `);
    await queryRunner.query(`
            DROP TABLE "legal_aid_stage"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."legal_stage"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7c575d6d28fb608dee2605b866"
        `);
    await queryRunner.query(`
            DROP TABLE "case_instalment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ad31ad74a9c8de4ee121e29215"
        `);
    await queryRunner.query(`
            DROP TABLE "mediation_session"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."mediation_session_result"
        `);
  }
}
