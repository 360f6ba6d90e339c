import { ref, type Ref } from 'vue';
import { apiFailure, type FieldErrors } from '../failure';
import type { CaseContext } from './case-context';

export { errorOf, type FieldErrors } from '../failure';

/**
 * What a case panel does with a failed request: a 400's reasons come back to be shown beside their fields; a version
 * conflict reloads the case while the form keeps what was typed; anything else is a message (in the panel's words
 * for the codes it names).
 */
export function failure(
  caught: unknown,
  context: CaseContext,
  words: Partial<Record<string, string>> = {},
): FieldErrors {
  return apiFailure(caught, { stale: () => void context.stale(), words });
}

/** A panel form's sending: one send at a time, the last failure's field reasons in `errors`. */
export function useSending(context: CaseContext): {
  busy: Ref<boolean>;
  errors: Ref<FieldErrors>;
  send: (work: () => Promise<void>) => Promise<void>;
} {
  const busy = ref(false);
  const errors = ref<FieldErrors>({});
  async function send(work: () => Promise<void>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    errors.value = {};
    try {
      await work();
    } catch (caught) {
      errors.value = failure(caught, context);
    } finally {
      busy.value = false;
    }
  }
  return { busy, errors, send };
}
