import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795219183013 implements MigrationInterface {
  name = 'Identity1795219183013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM(
                'operator',
                'dispatcher',
                'mediator',
                'legal_aid',
                'leader',
                'admin'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" character varying(64) NOT NULL,
                "display_name" character varying(100) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "roles" "public"."user_role" array NOT NULL,
                "org_unit_id" uuid NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c480e576dd71729addbc2d51b6" ON "app_user" ("username")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_90433b02ee8b208cb2ea924d94" ON "app_user" ("org_unit_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."employment_form" AS ENUM(
                'standard',
                'dispatched',
                'part_time',
                'platform',
                'migrant'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "party" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "org_unit_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "phone_cipher" text,
                "phone_index" character(64),
                "id_number_cipher" text,
                "id_number_index" character(64),
                "employment_form" "public"."employment_form" NOT NULL DEFAULT 'standard',
                "union_member" boolean NOT NULL DEFAULT false,
                "created_by" uuid NOT NULL,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e6189b3d533e140bb33a6d2cec1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_67445fa2b9e28ccd2fc49b1f1a" ON "party" ("org_unit_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9f76ab75bed18d7cdbc78735d2" ON "party" ("phone_index")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ff48e41b65be8faddff0b7cbb0" ON "party" ("id_number_index")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."org_unit_kind" AS ENUM('city', 'district', 'street', 'industry')
        `);
    await queryRunner.query(`
            CREATE TABLE "org_unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(32) NOT NULL,
                "name_zh" character varying(100) NOT NULL,
                "name_en" character varying(200) NOT NULL,
                "kind" "public"."org_unit_kind" NOT NULL,
                "parent_id" uuid,
                "path" text NOT NULL,
                "depth" smallint NOT NULL,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b030ad27296e9df74659dcb8ec" ON "org_unit" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b8e4301109a2850200ba2c7c51" ON "org_unit" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "auth_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(32),
                CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b8783d517fab10672700a39cb4" ON "auth_session" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7643a722ca45fb721be1c63dc0" ON "refresh_token" ("session_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f0812282fad2e352cdaf83ef0a" ON "refresh_token" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_entry" (
                "id" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_username" character varying(64) NOT NULL,
                "action" character varying(64) NOT NULL,
                "target_type" character varying(32) NOT NULL,
                "target_id" character varying(64),
                "scope_path" text NOT NULL,
                "correlation_id" character varying(128) NOT NULL,
                "ip" character varying(64) NOT NULL,
                "detail" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_15cd16d652cff9278f9c0f0e93" ON "audit_entry" ("occurred_at")
        `);
    // Reviewed additions: what the entity decorators cannot express.
    // Subtree scope is a prefix match on the materialized path: text_pattern_ops makes LIKE 'prefix%' use the index.
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_org_unit_path" ON "org_unit" ("path" text_pattern_ops)`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entry_scope_path" ON "audit_entry" ("scope_path" text_pattern_ops, "id")`,
    );
    await queryRunner.query(`
            ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit_parent" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id");
            ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id");
            ALTER TABLE "party" ADD CONSTRAINT "fk_party_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id");
            ALTER TABLE "auth_session" ADD CONSTRAINT "fk_auth_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id");
            ALTER TABLE "refresh_token" ADD CONSTRAINT "fk_refresh_token_session" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE;
            ALTER TABLE "app_user" ADD CONSTRAINT "chk_app_user_username_lower" CHECK ("username" = lower("username"));
            ALTER TABLE "app_user" ADD CONSTRAINT "chk_app_user_roles" CHECK (cardinality("roles") > 0);
            ALTER TABLE "org_unit" ADD CONSTRAINT "chk_org_unit_root" CHECK (("parent_id" IS NULL) = ("depth" = 0));
        `);
    // The audit log is append-only: no role, not even the application's, may change or remove an entry.
    await queryRunner.query(`
            CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entry"
              FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_update_delete" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "fk_refresh_token_session";
            ALTER TABLE "auth_session" DROP CONSTRAINT "fk_auth_session_user";
            ALTER TABLE "party" DROP CONSTRAINT "fk_party_org_unit";
            ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_org_unit";
            ALTER TABLE "org_unit" DROP CONSTRAINT "fk_org_unit_parent";
        `);
    await queryRunner.query(`DROP INDEX "idx_audit_entry_scope_path"`);
    await queryRunner.query(`DROP INDEX "idx_org_unit_path"`);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_15cd16d652cff9278f9c0f0e93"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_entry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f0812282fad2e352cdaf83ef0a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7643a722ca45fb721be1c63dc0"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b8783d517fab10672700a39cb4"
        `);
    await queryRunner.query(`
            DROP TABLE "auth_session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b8e4301109a2850200ba2c7c51"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b030ad27296e9df74659dcb8ec"
        `);
    await queryRunner.query(`
            DROP TABLE "org_unit"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."org_unit_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ff48e41b65be8faddff0b7cbb0"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9f76ab75bed18d7cdbc78735d2"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_67445fa2b9e28ccd2fc49b1f1a"
        `);
    await queryRunner.query(`
            DROP TABLE "party"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."employment_form"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_90433b02ee8b208cb2ea924d94"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c480e576dd71729addbc2d51b6"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
  }
}
