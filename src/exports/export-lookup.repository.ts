import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';

/**
 * Names for the ids on exported rows. Unscoped by design: the rows were read within the caller's scope, and a unit's
 * or an employer's name is not personal data.
 */
@Injectable()
export class ExportLookupRepository {
  constructor(private readonly db: DbContext) {}

  async unitNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.manager.query<{ id: string; name_zh: string }[]>(
      'SELECT id, name_zh FROM org_unit WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name_zh]));
  }

  async employerNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM employer WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
