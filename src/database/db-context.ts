import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { withTimeout } from 'src/common/util/with-timeout';
import { PREPARE } from 'src/database/preparing-client';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A table written append-only (audit entries, case events, calls): nothing reads its rows back inside the
 * transaction that writes them, so they can wait for the commit.
 */
export interface AppendTable {
  name: string;
  /** Each column with its PostgreSQL type, for the `unnest` casts. */
  columns: readonly (readonly [column: string, type: string])[];
}

/**
 * How long a committed request waits for its after-commit work (arming clocks, enqueueing deliveries) before it
 * answers anyway. That work only talks to Redis; when Redis is unreachable it is left to finish or fail in the
 * background, and the reconciler and sweepers redo it from the database.
 */
export const AFTER_COMMIT_WAIT_MS = 250;

interface UnitOfWork {
  manager: EntityManager;
  /** Rows of append-only tables, in the order appended, written in one statement just before commit. */
  appended: Map<AppendTable, unknown[][]>;
  /** Work that belongs to the transaction but is done once, at its end (recording the breaches it found). */
  beforeCommit: (() => Promise<void>)[];
  /** Work that must only happen once the transaction has committed (e.g. enqueueing jobs for its rows). */
  afterCommit: (() => Promise<void>)[];
}

/**
 * The unit of work. Services wrap a command in `transaction()`; repositories take `manager` from here, so every
 * write inside the callback (the change, its audit entry, its case event) commits or rolls back together,
 * without services handling the ORM.
 */
@Injectable()
export class DbContext {
  private readonly current = new AsyncLocalStorage<UnitOfWork>();
  private readonly logger = new Logger(DbContext.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  /** Runs `work` in one transaction; nested calls join the outer one. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const afterCommit: (() => Promise<void>)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const unit: UnitOfWork = { manager, appended: new Map(), beforeCommit: [], afterCommit };
      return this.current.run(unit, async () => {
        const value = await work();
        // In order, and hooks may add hooks; a failure rolls the transaction back like any write in it.
        for (let hook = unit.beforeCommit.shift(); hook; hook = unit.beforeCommit.shift()) await hook();
        await writeAppended(manager, unit.appended);
        return value;
      });
    });
    await this.runBounded(afterCommit);
    return result;
  }

  private async runBounded(hooks: (() => Promise<void>)[]): Promise<void> {
    if (hooks.length > 0 && !(await withTimeout(this.runHooks(hooks), AFTER_COMMIT_WAIT_MS))) {
      this.logger.warn(`after-commit work still running after ${String(AFTER_COMMIT_WAIT_MS)} ms; answering now`);
    }
  }

  private async runHooks(hooks: (() => Promise<void>)[]): Promise<void> {
    for (const hook of hooks) {
      // The transaction is committed: a failing hook (say, Redis down while enqueueing) must not turn a success
      // into an error. What hooks do is redone by sweepers and reconcilers.
      await hook().catch((error: unknown) => {
        this.logger.warn(`after-commit work failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  }

  /**
   * Runs `hook` at the end of the current transaction, before it commits and inside it (at once outside a
   * transaction): for work that several steps of one command feed, done once, like the rows of `append`.
   */
  async beforeCommit(hook: () => Promise<void>): Promise<void> {
    const unit = this.current.getStore();
    if (unit) unit.beforeCommit.push(hook);
    else await hook();
  }

  /**
   * Runs `hook` after the current transaction commits (at once outside a transaction), waiting for it at most
   * AFTER_COMMIT_WAIT_MS. A failing or slow hook does not fail the caller: hooks must be safe to lose (an outbox
   * sweeper or the reconciler redoes what they did).
   */
  async afterCommit(hook: () => Promise<void>): Promise<void> {
    const unit = this.current.getStore();
    if (unit) unit.afterCommit.push(hook);
    else await this.runBounded([hook]);
  }

  /**
   * Appends rows (values in the table's column order). Inside a transaction they are held and written with the
   * transaction's other appended rows — every table in one statement — just before it commits: an intake's audit
   * entries, case event and call cost one round trip. Outside a transaction, at once.
   */
  async append(table: AppendTable, rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const unit = this.current.getStore();
    if (!unit) return writeAppended(this.dataSource.manager, new Map([[table, rows]]));
    const held = unit.appended.get(table);
    if (held) held.push(...rows);
    else unit.appended.set(table, [...rows]);
  }
}

/**
 * One statement for all the appended rows: `INSERT … SELECT * FROM unnest(…)` per table, the first ones as
 * data-modifying CTEs. Foreign keys are checked at the end of the statement, so the tables' order does not matter;
 * within a table, rows are inserted in the order they were appended in (case event ids follow it).
 */
async function writeAppended(manager: EntityManager, appended: Map<AppendTable, unknown[][]>): Promise<void> {
  if (appended.size === 0) return;
  const params: unknown[] = [];
  const inserts = [...appended].map(([table, rows]) => {
    const arrays = table.columns.map(([, type], i) => {
      params.push(rows.map((row) => row[i] ?? null));
      return `$${String(params.length)}::${type}[]`;
    });
    const columns = table.columns.map(([column]) => column).join(', ');
    // ORDER BY the position: ids from a sequence follow the order the rows were appended in.
    return `INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM unnest(${arrays.join(', ')}) WITH ORDINALITY AS u(${columns}, ord) ORDER BY ord`;
  });
  const last = inserts.pop() ?? '';
  const ctes = inserts.map((insert, i) => `a${String(i)} AS (${insert})`);
  await manager.query(`${PREPARE} ${ctes.length > 0 ? `WITH ${ctes.join(', ')} ` : ''}${last}`, params);
}
