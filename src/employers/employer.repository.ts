import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { EmployerEntity } from 'src/employers/employer.entity';

export interface EmployerInput {
  name: string;
  normalizedName: string;
  creditCode: string | null;
  industry: string | null;
  address: string | null;
}

@Injectable()
export class EmployerRepository {
  constructor(private readonly db: DbContext) {}

  async findById(id: string): Promise<EmployerEntity | null> {
    return this.db.manager.findOneBy(EmployerEntity, { id });
  }

  /**
   * The one employer for this credit code (or, without a code, this normalised name), created if new. A
   * name-only employer gains the code when one arrives. Safe under concurrency: the partial unique indexes
   * decide, and the loser of a race reads the winner's row.
   */
  async findOrCreate(input: EmployerInput): Promise<string> {
    const q = this.db.manager;
    if (input.creditCode !== null) {
      const adopted = await q.query<{ id: string }[]>(
        `WITH existing AS (SELECT id FROM employer WHERE credit_code = $1),
              adopted AS (
                UPDATE employer SET credit_code = $1
                 WHERE normalized_name = $2 AND credit_code IS NULL AND NOT EXISTS (SELECT 1 FROM existing)
                 RETURNING id)
         SELECT id FROM existing UNION ALL SELECT id FROM adopted LIMIT 1`,
        [input.creditCode, input.normalizedName],
      );
      if (adopted[0]) return adopted[0].id;
    }
    const conflictTarget =
      input.creditCode === null
        ? '(normalized_name) WHERE credit_code IS NULL'
        : '(credit_code) WHERE credit_code IS NOT NULL';
    const inserted = await q.query<{ id: string }[]>(
      `INSERT INTO employer (name, normalized_name, credit_code, industry, address) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ${conflictTarget} DO NOTHING RETURNING id`,
      [input.name, input.normalizedName, input.creditCode, input.industry, input.address],
    );
    if (inserted[0]) return inserted[0].id;
    const existing = await q.query<{ id: string }[]>(
      input.creditCode === null
        ? 'SELECT id FROM employer WHERE normalized_name = $1 AND credit_code IS NULL'
        : 'SELECT id FROM employer WHERE credit_code = $1',
      [input.creditCode ?? input.normalizedName],
    );
    if (!existing[0]) throw new Error('employer vanished during find-or-create');
    return existing[0].id;
  }
}
