import { onBeforeUnmount, ref, watch } from 'vue';
import { api } from '../api';
import type { IntakeForm, Lookup } from './intake-form';

/**
 * The repeat-caller lookup as the number is typed: the caller's parties and open cases (masked), so the operator
 * attaches the call instead of opening a duplicate. The phone goes in a POST body, never in a URL.
 */
export function useCallerLookup(form: IntakeForm) {
  const lookup = ref<Lookup | null>(null);
  let timer: number | undefined;

  watch(
    () => form.phone,
    (phone) => {
      window.clearTimeout(timer);
      lookup.value = null;
      // Another number: whatever case was picked to attach belongs to the previous caller.
      if (form.caseId !== '') {
        form.caseId = '';
        if (form.disposition === 'attached_to_case') form.disposition = 'case_created';
      }
      if (!/^1\d{10}$/.test(phone)) return;
      timer = window.setTimeout(() => {
        void api
          .post<Lookup>('/calls/lookup', { phone })
          .then((found) => {
            if (form.phone === phone) lookup.value = found;
          })
          .catch(() => undefined);
      }, 250);
    },
  );
  onBeforeUnmount(() => {
    window.clearTimeout(timer);
  });

  return lookup;
}
