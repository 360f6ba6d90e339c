import { MigrationInterface, QueryRunner } from 'typeorm';

export class Intake1795219656114 implements MigrationInterface {
  name = 'Intake1795219656114';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "user_id" uuid NOT NULL,
                "route" character varying(64) NOT NULL,
                "key" character varying(128) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "response_status" smallint,
                "response_body" json,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_db9a911c40bae4c0c0df134d83e" PRIMARY KEY ("user_id", "route", "key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "employer" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "normalized_name" character varying(200) NOT NULL,
                "credit_code" character(18),
                "industry" character varying(100),
                "address" character varying(300),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_74029e6b1f17a4c7c66d43cfd34" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."case_kind" AS ENUM(
                'consultation',
                'complaint',
                'labour_dispute',
                'hardship_aid'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."case_category" AS ENUM(
                'wage_arrears',
                'labour_contract',
                'social_insurance',
                'work_injury',
                'working_hours',
                'dismissal',
                'occupational_safety',
                'discrimination',
                'platform_work',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."case_priority" AS ENUM('normal', 'urgent', 'critical')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."case_status" AS ENUM(
                'received',
                'triaged',
                'dispatched',
                'in_progress',
                'mediation',
                'legal_aid',
                'resolved',
                'closed'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."case_outcome" AS ENUM(
                'answered',
                'resolved_by_negotiation',
                'mediation_agreement',
                'arbitration_award',
                'court_judgment',
                'settled',
                'partially_resolved',
                'unresolved',
                'withdrawn',
                'not_accepted',
                'referred_out',
                'duplicate'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."channel" AS ENUM(
                'hotline',
                'walk_in',
                'online',
                'wechat',
                'letter',
                'referral'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "case" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" character varying(20) NOT NULL,
                "kind" "public"."case_kind" NOT NULL,
                "category" "public"."case_category" NOT NULL,
                "priority" "public"."case_priority" NOT NULL,
                "status" "public"."case_status" NOT NULL,
                "outcome" "public"."case_outcome",
                "channel" "public"."channel" NOT NULL,
                "org_unit_id" uuid NOT NULL,
                "owner_path" text NOT NULL,
                "assignee_id" uuid,
                "worker_party_id" uuid,
                "employer_id" uuid,
                "workers_affected" integer NOT NULL DEFAULT '1',
                "collective" boolean NOT NULL DEFAULT false,
                "narrative" text NOT NULL DEFAULT '',
                "dispute_arisen_on" date,
                "claimed_fen" bigint NOT NULL DEFAULT '0',
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a1b20a2aef6fc438389d2c4aca0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8cf7d3e75b7dd1eced77de0f14" ON "case" ("number")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_129aaea5507af395d2c3cd69f6" ON "case" ("worker_party_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a90674c4c9c4eea998adb63b15" ON "case" ("employer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_link" (
                "case_a" uuid NOT NULL,
                "case_b" uuid NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_case_link_order" CHECK ("case_a" < "case_b"),
                CONSTRAINT "PK_3d14398b700ebcf4c13b5325bf8" PRIMARY KEY ("case_a", "case_b")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0e0a2c5e63e8c402dd0739bd36" ON "case_link" ("case_b")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_event" (
                "id" BIGSERIAL NOT NULL,
                "case_id" uuid NOT NULL,
                "type" character varying(40) NOT NULL,
                "actor_id" uuid,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_5b6e18b2d4fd178711a2269645e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_case_event_case" ON "case_event" ("case_id", "id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."claim_type" AS ENUM(
                'unpaid_wages',
                'overtime',
                'severance',
                'double_wages',
                'social_insurance',
                'work_injury',
                'compensation',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "case_claim" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "type" "public"."claim_type" NOT NULL,
                "amount_fen" bigint NOT NULL,
                "note" character varying(500) NOT NULL DEFAULT '',
                "position" smallint NOT NULL,
                CONSTRAINT "chk_case_claim_amount" CHECK ("amount_fen" >= 0),
                CONSTRAINT "PK_5631c4eb952fea9e2ac6418df36" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ca6a8b367493c160fde8141e72" ON "case_claim" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."call_disposition" AS ENUM(
                'consultation_answered',
                'case_created',
                'attached_to_case',
                'callback_requested',
                'abandoned'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "call" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "channel" "public"."channel" NOT NULL,
                "operator_id" uuid NOT NULL,
                "org_unit_id" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "caller_party_id" uuid,
                "summary" text NOT NULL DEFAULT '',
                "disposition" "public"."call_disposition" NOT NULL,
                "case_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2098af0169792a34f9cfdd39c47" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2983e6b2b4451aebe54a118bd2" ON "call" ("caller_party_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_68d4ae2e07c6f861a89c7623dc" ON "call" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "attachment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size_bytes" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8d275604024969976deea60958" ON "attachment" ("case_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD CONSTRAINT "fk_case_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD CONSTRAINT "fk_case_worker_party" FOREIGN KEY ("worker_party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case"
            ADD CONSTRAINT "fk_case_employer" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_link"
            ADD CONSTRAINT "fk_case_link_a" FOREIGN KEY ("case_a") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_link"
            ADD CONSTRAINT "fk_case_link_b" FOREIGN KEY ("case_b") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_event"
            ADD CONSTRAINT "fk_case_event_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_claim"
            ADD CONSTRAINT "fk_case_claim_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "call"
            ADD CONSTRAINT "fk_call_caller_party" FOREIGN KEY ("caller_party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "call"
            ADD CONSTRAINT "fk_call_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD CONSTRAINT "fk_attachment_case" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    // Reviewed additions: extensions, partial and operator-class indexes, the case-number function, append-only events.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_employer_credit_code" ON "employer" ("credit_code") WHERE "credit_code" IS NOT NULL;
            CREATE UNIQUE INDEX "uq_employer_normalized_name" ON "employer" ("normalized_name") WHERE "credit_code" IS NULL;
            CREATE INDEX "idx_employer_name_trgm" ON "employer" USING gin ("name" gin_trgm_ops);
            CREATE INDEX "idx_case_narrative_trgm" ON "case" USING gin ("narrative" gin_trgm_ops);
            CREATE INDEX "idx_case_owner_path_received" ON "case" ("owner_path" text_pattern_ops, "received_at" DESC, "id" DESC);
        `);
    // Per-year case numbers from one sequence per year, created on first use. Sequences never block concurrent
    // creators (unlike a counter row); a rolled-back create leaves a gap, which is acceptable for case numbers.
    await queryRunner.query(`
            CREATE FUNCTION next_case_seq(year int) RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE
              seq text := format('case_no_%s', year);
            BEGIN
              RETURN nextval(seq);
            EXCEPTION WHEN undefined_table THEN
              BEGIN
                EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq);
              EXCEPTION WHEN unique_violation OR duplicate_table THEN
                NULL;
              END;
              RETURN nextval(seq);
            END $$;
        `);
    await queryRunner.query(`
            CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'case_event is append-only' USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER case_event_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON "case_event"
              FOR EACH STATEMENT EXECUTE FUNCTION case_event_append_only();
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "case_event_no_update_delete" ON "case_event"`);
    await queryRunner.query(`DROP FUNCTION case_event_append_only()`);
    await queryRunner.query(`DROP FUNCTION next_case_seq(int)`);
    await queryRunner.query(`
            DROP INDEX "idx_case_owner_path_received";
            DROP INDEX "idx_case_narrative_trgm";
            DROP INDEX "idx_employer_name_trgm";
            DROP INDEX "uq_employer_normalized_name";
            DROP INDEX "uq_employer_credit_code";
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment" DROP CONSTRAINT "fk_attachment_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "call" DROP CONSTRAINT "fk_call_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "call" DROP CONSTRAINT "fk_call_caller_party"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_claim" DROP CONSTRAINT "fk_case_claim_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_event" DROP CONSTRAINT "fk_case_event_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_link" DROP CONSTRAINT "fk_case_link_b"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_link" DROP CONSTRAINT "fk_case_link_a"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP CONSTRAINT "fk_case_employer"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP CONSTRAINT "fk_case_worker_party"
        `);
    await queryRunner.query(`
            ALTER TABLE "case" DROP CONSTRAINT "fk_case_org_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8d275604024969976deea60958"
        `);
    await queryRunner.query(`
            DROP TABLE "attachment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_68d4ae2e07c6f861a89c7623dc"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2983e6b2b4451aebe54a118bd2"
        `);
    await queryRunner.query(`
            DROP TABLE "call"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."call_disposition"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ca6a8b367493c160fde8141e72"
        `);
    await queryRunner.query(`
            DROP TABLE "case_claim"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."claim_type"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_case_event_case"
        `);
    await queryRunner.query(`
            DROP TABLE "case_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0e0a2c5e63e8c402dd0739bd36"
        `);
    await queryRunner.query(`
            DROP TABLE "case_link"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a90674c4c9c4eea998adb63b15"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_129aaea5507af395d2c3cd69f6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8cf7d3e75b7dd1eced77de0f14"
        `);
    await queryRunner.query(`
            DROP TABLE "case"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."channel"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."case_outcome"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."case_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."case_priority"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."case_category"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."case_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "employer"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_key"
        `);
  }
}
