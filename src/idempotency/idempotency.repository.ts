import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';

export interface StoredResponse {
  requestHash: string;
  status: number | null;
  body: unknown;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: DbContext) {}

  /**
   * Claims the key inside the caller's transaction. A concurrent claim of the same key waits on the unique index
   * until the first transaction ends: after a commit it gets false and reads the stored response; after a
   * rollback it gets true and does the work itself.
   */
  async claim(userId: string, route: string, key: string, requestHash: string): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `INSERT INTO idempotency_key (user_id, route, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, route, key, requestHash],
    );
    return rows.length === 1;
  }

  async find(userId: string, route: string, key: string): Promise<StoredResponse | undefined> {
    const rows = await this.db.manager.query<
      { request_hash: string; response_status: number | null; response_body: unknown }[]
    >(
      'SELECT request_hash, response_status, response_body FROM idempotency_key WHERE user_id = $1 AND route = $2 AND key = $3',
      [userId, route, key],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, status: row.response_status, body: row.response_body } : undefined;
  }

  async complete(userId: string, route: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.manager.query(
      'UPDATE idempotency_key SET response_status = $4, response_body = $5 WHERE user_id = $1 AND route = $2 AND key = $3',
      [userId, route, key, status, JSON.stringify(body)],
    );
  }

  /** Deletes up to `limit` keys created before `cutoff`; returns how many went. */
  async deleteCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    // Counted through a CTE: TypeORM answers a bare DELETE … RETURNING as [rows, count], not rows.
    const [row] = await this.db.manager.query<{ n: number }[]>(
      `WITH gone AS (
         DELETE FROM idempotency_key WHERE ctid IN (
           SELECT ctid FROM idempotency_key WHERE created_at < $1 ORDER BY created_at LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [cutoff, limit],
    );
    return row?.n ?? 0;
  }
}
