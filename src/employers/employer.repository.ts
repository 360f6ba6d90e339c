import { Injectable } from '@nestjs/common';
import { PREPARE } from 'src/database/preparing-client';
import { DbContext } from 'src/database/db-context';
import { EmployerEntity } from 'src/employers/employer.entity';

export interface EmployerRef {
  id: string;
  name: string;
  creditCode: string | null;
  districtId: string | null;
}

interface EmployerRow {
  id: string;
  name: string;
  credit_code: string | null;
  district_id: string | null;
}

const toRef = (row: EmployerRow): EmployerRef => ({
  id: row.id,
  name: row.name,
  creditCode: row.credit_code,
  districtId: row.district_id,
});

export interface EmployerInput {
  name: string;
  normalizedName: string;
  creditCode: string | null;
  industry: string | null;
  address: string | null;
  districtId: string | null;
}

/** A LIKE pattern that matches `text` literally (backslash is PostgreSQL's default LIKE escape). */
const literal = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class EmployerRepository {
  constructor(private readonly db: DbContext) {}

  async findById(id: string): Promise<EmployerEntity | null> {
    return this.db.manager.findOneBy(EmployerEntity, { id });
  }

  /**
   * Records the district of an employer that had none (a known district is not overwritten by a caller) and
   * returns the one stored: a concurrent intake may have recorded another first.
   */
  async adoptDistrict(id: string, districtId: string): Promise<string> {
    // TypeORM answers UPDATE … RETURNING with [rows, count].
    const [rows] = await this.db.manager.query<[{ district_id: string }[], number]>(
      'UPDATE employer SET district_id = coalesce(district_id, $2) WHERE id = $1 RETURNING district_id',
      [id, districtId],
    );
    return rows[0]?.district_id ?? districtId;
  }

  /**
   * The one employer for this credit code (or, without a code, this normalised name), created if new. A
   * name-only employer gains the code when one arrives. Safe under concurrency: the partial unique indexes
   * decide, and the loser of a race reads the winner's row.
   */
  async findOrCreate(input: EmployerInput): Promise<EmployerRef> {
    const q = this.db.manager;
    if (input.creditCode !== null) {
      const adopted = await q.query<EmployerRow[]>(
        `WITH existing AS (SELECT id, name, credit_code, district_id FROM employer WHERE credit_code = $1),
              adopted AS (
                UPDATE employer SET credit_code = $1
                 WHERE normalized_name = $2 AND credit_code IS NULL AND NOT EXISTS (SELECT 1 FROM existing)
                 RETURNING id, name, credit_code, district_id)
         SELECT * FROM existing UNION ALL SELECT * FROM adopted LIMIT 1`,
        [input.creditCode, input.normalizedName],
      );
      if (adopted[0]) return toRef(adopted[0]);
    }
    const conflictTarget =
      input.creditCode === null
        ? '(normalized_name) WHERE credit_code IS NULL'
        : '(credit_code) WHERE credit_code IS NOT NULL';
    const match = input.creditCode === null ? 'normalized_name = $2 AND credit_code IS NULL' : 'credit_code = $3';
    // Insert-or-read in one round trip. If a concurrent transaction inserted the same employer after this
    // statement's snapshot, neither branch returns it; the read below (a new snapshot) then does.
    const found = await q.query<EmployerRow[]>(
      `${PREPARE} WITH inserted AS (
         INSERT INTO employer (name, normalized_name, credit_code, industry, address, district_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ${conflictTarget} DO NOTHING RETURNING id, name, credit_code, district_id)
       SELECT * FROM inserted UNION ALL SELECT id, name, credit_code, district_id FROM employer WHERE ${match} LIMIT 1`,
      [input.name, input.normalizedName, input.creditCode, input.industry, input.address, input.districtId],
    );
    if (found[0]) return toRef(found[0]);
    const existing = await q.query<EmployerRow[]>(
      input.creditCode === null
        ? 'SELECT id, name, credit_code, district_id FROM employer WHERE normalized_name = $1 AND credit_code IS NULL'
        : 'SELECT id, name, credit_code, district_id FROM employer WHERE credit_code = $1',
      [input.creditCode ?? input.normalizedName],
    );
    if (!existing[0]) throw new Error('employer vanished during find-or-create');
    return toRef(existing[0]);
  }

  /**
   * Employers whose normalised name contains `name` or whose credit code starts with `code` (an empty one is not
   * looked for), with a case inside `scopePath`. Best match first: an exact name or code, then a prefix, then the
   * shortest name (the closest to what was typed). The trigram index serves the name, a pattern index the code.
   */
  async suggest(search: { name: string; code: string; scopePath: string; limit: number }): Promise<EmployerRef[]> {
    const params: unknown[] = [`${search.scopePath}%`, search.limit];
    const param = (value: string): string => `$${params.push(value)}`;
    const matches: string[] = [];
    const exact: string[] = [];
    const prefix: string[] = [];
    if (search.name !== '') {
      matches.push(`e.normalized_name LIKE ${param(`%${literal(search.name)}%`)}`);
      exact.push(`e.normalized_name = ${param(search.name)}`);
      prefix.push(`e.normalized_name LIKE ${param(`${literal(search.name)}%`)}`);
    }
    if (search.code !== '') {
      const starts = param(`${literal(search.code)}%`);
      matches.push(`e.credit_code LIKE ${starts}`);
      exact.push(`e.credit_code = ${param(search.code)}`);
      prefix.push(`e.credit_code LIKE ${starts}`);
    }
    if (matches.length === 0) return [];
    const rows = await this.db.manager.query<EmployerRow[]>(
      `SELECT e.id, e.name, e.credit_code, e.district_id
         FROM employer e
        WHERE (${matches.join(' OR ')})
          AND EXISTS (SELECT 1 FROM "case" c WHERE c.employer_id = e.id AND c.owner_path LIKE $1)
        ORDER BY CASE WHEN ${exact.join(' OR ')} THEN 0 WHEN ${prefix.join(' OR ')} THEN 1 ELSE 2 END,
                 length(e.normalized_name), e.name, e.id
        LIMIT $2`,
      params,
    );
    return rows.map(toRef);
  }
}
