import { ElMessage } from 'element-plus';
import { computed, inject, ref, type ComputedRef, type InjectionKey, type Ref } from 'vue';
import { api, ApiError } from '../api';
import type { components } from '../api-types';
import { type CaseCommand, commandsFor } from '../commands';
import { showError } from '../failure';
import { t } from '../i18n';
import { session } from '../session';

type Schemas = components['schemas'];
export type Case = Schemas['CaseResponseDto'];
export type Timer = Schemas['CaseTimerDto'];
export type CaseEvent = Schemas['CaseEventDto'];

/** Values a panel fixes in a command's body (the entry a correction is about), shown above the form, not in it. */
/** The case a command is about: what a list row and the case page both have. */
export interface CommandTarget {
  id: string;
  version: number;
  orgUnitId?: string | null;
}

export interface CommandPreset {
  values: Record<string, unknown>;
  about: string;
}

/** What every panel of one case page shares: the case, its clocks and timeline, and how to say it changed. */
export interface CaseContext {
  caseId: string;
  item: Ref<Case | null>;
  missing: Ref<boolean>;
  timers: Ref<Timer[]>;
  /** Newest first. */
  events: Ref<CaseEvent[]>;
  /** Goes up after every reload: panels with their own data watch it and load again. */
  generation: Ref<number>;
  commands: ComputedRef<CaseCommand[]>;
  /** The header and the first tab's data: what the page's load time measures. */
  firstView: Promise<void>;
  /** After a change: the case, its clocks and timeline again, and every panel's own data. */
  reload(): Promise<void>;
  /** A 409 version conflict: reload, while the form that failed keeps what was typed. */
  stale(): Promise<void>;
  openCommand(command: CaseCommand, preset?: CommandPreset): void;
}

export const CASE_CONTEXT: InjectionKey<CaseContext> = Symbol('case');

// The newest this many of a case's events (a long timeline's oldest are left out, never its latest).
const EVENT_LIMIT = 500;

export function createCaseContext(
  caseId: string,
  openCommand: (command: CaseCommand, preset?: CommandPreset) => void,
): CaseContext {
  const item = ref<Case | null>(null);
  const missing = ref(false);
  const timers = ref<Timer[]>([]);
  const events = ref<CaseEvent[]>([]);
  const generation = ref(0);

  async function loadCase(): Promise<void> {
    try {
      item.value = await api.get<Case>(`/cases/${caseId}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) missing.value = true;
      else throw caught;
    }
  }
  async function loadTimers(): Promise<void> {
    timers.value = await api.get<Timer[]>(`/cases/${caseId}/timers`);
  }
  async function loadEvents(): Promise<void> {
    events.value = await api.get<CaseEvent[]>(`/cases/${caseId}/events`, { limit: EVENT_LIMIT, order: 'newest' });
  }
  const shout = (caught: unknown) => {
    // A case outside the scope is a 404 for its clocks and events too: the page says so once.
    if (caught instanceof ApiError && caught.status === 404) return;
    showError(caught);
  };

  // The timeline is not on the first tab: it loads beside the rest and does not hold up the measure.
  loadEvents().catch(shout);
  const firstView = Promise.all([loadCase(), loadTimers()]).then(() => undefined);
  firstView.catch(shout);

  async function reload(): Promise<void> {
    await Promise.all([loadCase(), loadTimers(), loadEvents()]);
    generation.value += 1;
  }

  return {
    caseId,
    item,
    missing,
    timers,
    events,
    generation,
    commands: computed(() => (item.value && session.me ? commandsFor(item.value.status, session.me.roles) : [])),
    firstView,
    reload,
    async stale() {
      ElMessage.warning(t('staleVersion'));
      await reload();
    },
    openCommand,
  };
}

export function useCase(): CaseContext {
  const context = inject(CASE_CONTEXT);
  if (!context) throw new Error('a case panel outside a case page');
  return context;
}
