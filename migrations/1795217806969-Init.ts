import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795217806969 implements MigrationInterface {
  name = 'Init1795217806969';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "system_heartbeat" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "source" character varying(64) NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "processed_at" TIMESTAMP WITH TIME ZONE,
                "processed_count" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_eb96fba4c18e8965c325ac39286" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "system_heartbeat"
        `);
  }
}
