import { Injectable } from '@nestjs/common';
import { CaseEventType } from 'src/cases/case-event.entity';
import type { CaseState } from 'src/cases/case-state';

/** One change to a case, as every after-write hook receives it. */
export interface CaseWrite {
  event: CaseEventType;
  /** The event's data, as appended to the timeline. */
  data: Record<string, unknown>;
  /** The case before the change; null when the change created it (intake). */
  before: CaseState | null;
  after: CaseState;
  /** When the change happened, from the injected Clock: hooks take their time from here, never from `new Date()`. */
  at: Date;
}

/**
 * Reacts to a case change inside the change's transaction (a clock started, a notification queued): what a hook
 * writes commits or rolls back with the change. A hook that has nothing to do for an event returns at once.
 */
export interface CaseHook {
  afterWrite(write: CaseWrite): Promise<void>;
}

/**
 * The after-write hooks, in the order they run. Filled once at start-up from the one list in
 * src/case-lifecycle/case-hooks.ts; cases cannot import the modules the hooks live in (they import cases).
 */
@Injectable()
export class CaseHookRegistry {
  private hooks: readonly CaseHook[] | undefined;

  register(hooks: readonly CaseHook[]): void {
    if (this.hooks !== undefined) throw new Error('Case hooks are registered once, at start-up');
    if (new Set(hooks).size !== hooks.length) throw new Error('A case hook is listed twice');
    this.hooks = hooks;
  }

  async afterWrite(write: CaseWrite): Promise<void> {
    // A write with no hooks would leave a case without its clocks: refuse rather than lose them silently.
    if (this.hooks === undefined) throw new Error('No case hooks registered: import CaseLifecycleModule');
    for (const hook of this.hooks) await hook.afterWrite(write);
  }
}
