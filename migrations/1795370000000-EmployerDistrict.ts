import { MigrationInterface, QueryRunner } from 'typeorm';

// SPEC §2: an employer has a district. Nullable: what a caller does not know is left blank, not guessed.
export class EmployerDistrict1795370000000 implements MigrationInterface {
  name = 'EmployerDistrict1795370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "employer"
            ADD "district_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_employer_district" ON "employer" ("district_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "employer"
            ADD CONSTRAINT "fk_employer_district" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "employer" DROP CONSTRAINT "fk_employer_district"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_employer_district"
        `);
    await queryRunner.query(`
            ALTER TABLE "employer" DROP COLUMN "district_id"
        `);
  }
}
