import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795221933800 implements MigrationInterface {
  name = 'Notifications1795221933800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "case_id" uuid,
                "type" character varying(40) NOT NULL,
                "title" character varying(300) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notification_user" ON "notification" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(500),
                CONSTRAINT "PK_83d47c7dba1da2d038749fe757e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notification_outbox_pending" ON "notification_outbox" ("delivered_at", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_outbox"
            ADD CONSTRAINT "fk_outbox_notification" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_outbox" DROP CONSTRAINT "fk_outbox_notification"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notification_outbox_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notification_user"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
  }
}
