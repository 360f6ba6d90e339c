import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

interface UnitOfWork {
  manager: EntityManager;
  /** Writes gathered during the transaction and flushed, each as one statement, just before it commits. */
  deferred: Map<symbol, { state: unknown; flush: (state: unknown) => Promise<void> }>;
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
      const unit: UnitOfWork = { manager, deferred: new Map(), afterCommit };
      return this.current.run(unit, async () => {
        const value = await work();
        for (const { state, flush } of unit.deferred.values()) await flush(state);
        return value;
      });
    });
    for (const hook of afterCommit) {
      // The transaction is committed: a failing hook (say, Redis down while enqueueing) must not turn a success
      // into an error. What hooks do is redone by sweepers and reconcilers.
      await hook().catch((error: unknown) => {
        this.logger.warn(`after-commit work failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return result;
  }

  /**
   * Runs `hook` after the current transaction commits (at once outside a transaction). A failing hook does not
   * undo the commit: hooks must be safe to lose (an outbox sweeper redoes what they did).
   */
  async afterCommit(hook: () => Promise<void>): Promise<void> {
    const unit = this.current.getStore();
    if (unit) unit.afterCommit.push(hook);
    else await hook();
  }

  /**
   * Per-transaction state for writes that can be batched (e.g. audit entries): `init` makes it on first use,
   * `flush` writes it just before commit. Outside a transaction, returns undefined and the caller writes at once.
   */
  deferred<S>(key: symbol, init: () => S, flush: (state: S) => Promise<void>): S | undefined {
    const unit = this.current.getStore();
    if (!unit) return undefined;
    let entry = unit.deferred.get(key);
    if (!entry) {
      entry = { state: init(), flush: flush as (state: unknown) => Promise<void> };
      unit.deferred.set(key, entry);
    }
    return entry.state as S;
  }
}
