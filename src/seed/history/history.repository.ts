import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bind, BulkTable, combinedInsert } from 'src/seed/history/bulk-insert';
import { batchInserts, EMPLOYERS } from 'src/seed/history/history.tables';
import { EmployerRow, HistoryBatch, StaffRow, TreeRef, UnitRef } from 'src/seed/history/history.types';
import { DataSource, QueryRunner } from 'typeorm';

/** A party as stored: phone and ID number already encrypted, with their blind indexes. */
export interface StoredParty {
  id: string;
  orgUnitId: string;
  name: string;
  phoneCipher: string;
  phoneIndex: string;
  idNumberCipher: string | null;
  idNumberIndex: string | null;
  employmentForm: string;
  unionMember: boolean;
  createdBy: string;
  createdAt: number;
}

const PARTIES: BulkTable<StoredParty> = {
  table: 'party',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'org_unit_id', type: 'uuid', value: (r) => r.orgUnitId },
    { name: 'name', type: 'varchar', value: (r) => r.name },
    { name: 'phone_cipher', type: 'text', value: (r) => r.phoneCipher },
    { name: 'phone_index', type: 'char(64)', value: (r) => r.phoneIndex },
    { name: 'id_number_cipher', type: 'text', value: (r) => r.idNumberCipher },
    { name: 'id_number_index', type: 'char(64)', value: (r) => r.idNumberIndex },
    { name: 'employment_form', type: 'employment_form', value: (r) => r.employmentForm },
    { name: 'union_member', type: 'boolean', value: (r) => r.unionMember },
    { name: 'created_by', type: 'uuid', value: (r) => r.createdBy },
    { name: 'version', type: 'int', value: () => 1 },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt, epochMs: true },
    { name: 'updated_at', type: 'timestamptz', value: (r) => r.createdAt, epochMs: true },
  ],
};

/**
 * The bulk load: one connection, one transaction — a run that fails half-way leaves nothing behind (staff,
 * employers, parties and cases are all rolled back), and nothing is visible until it commits.
 */
export interface BulkSession {
  /** Whether triggers (append-only guards, audit, the report aggregates) are skipped on this connection. */
  readonly triggersSkipped: boolean;
  /** Inserts the accounts that do not exist yet and returns every one as stored (existing ids win). */
  upsertStaff(rows: StaffRow[], passwordHash: string): Promise<StaffRow[]>;
  insertEmployers(rows: readonly EmployerRow[]): Promise<void>;
  insertParties(rows: readonly StoredParty[]): Promise<void>;
  insert(batch: HistoryBatch): Promise<void>;
  /** So the next real intake draws a number above every generated one. */
  advanceSequences(lastByYear: ReadonlyMap<number, number>): Promise<void>;
  commit(): Promise<void>;
  /** Rolls back what is not committed and releases the connection. */
  close(): Promise<void>;
}

/** The SQL of the history generator: reading what it builds on, and writing its rows in bulk. */
@Injectable()
export class HistoryRepository {
  private readonly logger = new Logger(HistoryRepository.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hasCases(): Promise<boolean> {
    const rows = await this.dataSource.query<{ found: boolean }[]>('SELECT EXISTS (SELECT 1 FROM "case") AS found');
    return rows[0]?.found === true;
  }

  /** The first city unit, its children and their children, each level ordered by code. */
  async tree(): Promise<TreeRef | undefined> {
    const units = await this.dataSource.query<
      { id: string; code: string; name_zh: string; path: string; parent_id: string | null; kind: string }[]
    >('SELECT id, code, name_zh, path, parent_id, kind FROM org_unit ORDER BY code');
    const ref = (u: (typeof units)[number]): UnitRef => ({ id: u.id, code: u.code, nameZh: u.name_zh, path: u.path });
    const city = units.find((u) => u.parent_id === null && u.kind === 'city');
    if (!city) return undefined;
    const childrenOf = (id: string) => units.filter((u) => u.parent_id === id);
    return {
      city: ref(city),
      districts: childrenOf(city.id).map((d) => ({ ...ref(d), streets: childrenOf(d.id).map(ref) })),
    };
  }

  /** Per year, the last number the case sequence has handed out (0 if none); creates missing sequences. */
  async sequenceBases(years: number[]): Promise<Map<number, number>> {
    const bases = new Map<number, number>();
    for (const year of years) {
      const seq = `case_no_${String(Math.trunc(year))}`;
      await this.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS ${seq}`);
      const rows = await this.dataSource.query<{ last_value: string; is_called: boolean }[]>(
        `SELECT last_value, is_called FROM ${seq}`,
      );
      const row = rows[0];
      bases.set(year, row?.is_called ? Number(row.last_value) : 0);
    }
    return bases;
  }

  /**
   * On the session's connection `session_replication_role = replica` skips the triggers (append-only guards,
   * audit, the report aggregates — rebuilt afterwards) and the foreign-key checks, which the generator's rows
   * satisfy by construction (the integration test checks them). Without the privilege to set it, the load runs
   * with triggers on, slower but equally correct.
   */
  async openBulkSession(): Promise<BulkSession> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    let triggersSkipped = true;
    try {
      await runner.query('SET session_replication_role = replica');
    } catch (error) {
      triggersSkipped = false;
      this.logger.warn(`cannot skip triggers (${error instanceof Error ? error.message : String(error)})`);
    }
    await runner.startTransaction();
    const q = (sql: string, params?: unknown[]) => runner.query(sql, params) as Promise<unknown>;
    const chunked = async <R>(spec: BulkTable<R>, rows: readonly R[]) => {
      for (let i = 0; i < rows.length; i += 10_000) {
        const { sql, params } = combinedInsert([bind(spec, rows.slice(i, i + 10_000))]);
        await q(sql, params);
      }
    };
    return {
      triggersSkipped,
      upsertStaff: (rows, passwordHash) => upsertStaff(runner, rows, passwordHash),
      insertEmployers: (rows) => chunked(EMPLOYERS, rows),
      insertParties: (rows) => chunked(PARTIES, rows),
      async insert(batch) {
        const { sql, params } = combinedInsert(batchInserts(batch));
        await q(sql, params);
      },
      async advanceSequences(lastByYear) {
        for (const [year, last] of lastByYear) {
          const seq = `case_no_${String(Math.trunc(year))}`;
          await q(
            `SELECT setval('${seq}', GREATEST($1::bigint, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ${seq})))`,
            [last],
          );
        }
      },
      commit: () => runner.commitTransaction(),
      async close() {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        if (triggersSkipped) await q('RESET session_replication_role');
        await runner.release();
      },
    };
  }

  /** Recomputes the report aggregates from the raw tables: the bulk load ran with their triggers off. */
  async rebuildReports(): Promise<void> {
    await this.dataSource.query('SELECT report_rebuild()');
  }

  async analyze(): Promise<void> {
    await this.dataSource.query(
      'ANALYZE "case", case_event, case_timer, case_claim, payment, case_callback, call, employer, party',
    );
  }

  async databaseSize(): Promise<number> {
    const rows = await this.dataSource.query<{ size: string }[]>('SELECT pg_database_size(current_database()) AS size');
    return Number(rows[0]?.size ?? 0);
  }
}

async function upsertStaff(runner: QueryRunner, rows: StaffRow[], passwordHash: string): Promise<StaffRow[]> {
  await runner.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, roles, org_unit_id, version)
     SELECT u.id, u.username, u.display_name, $5, ARRAY[u.role]::user_role[], u.org_unit_id, 1
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::user_role[], $6::uuid[])
            AS u(id, username, display_name, role, org_unit_id)
     ON CONFLICT (username) DO NOTHING`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.username),
      rows.map((r) => r.displayName),
      rows.map((r) => r.roles[0]),
      passwordHash,
      rows.map((r) => r.orgUnitId),
    ],
  );
  const stored = (await runner.query(
    'SELECT id, username, roles::text AS roles, org_unit_id FROM app_user WHERE username = ANY($1)',
    [rows.map((r) => r.username)],
  )) as { id: string; username: string; roles: string; org_unit_id: string }[];
  const byName = new Map(stored.map((s) => [s.username, s]));
  return rows.flatMap((r) => {
    const s = byName.get(r.username);
    return s ? [{ ...r, id: s.id, orgUnitId: s.org_unit_id, roles: s.roles.replace(/[{}]/g, '').split(',') }] : [];
  });
}
