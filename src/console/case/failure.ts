import { ElMessage } from 'element-plus';
import { ApiError } from '../api';
import type { CaseContext } from './case-context';

export type FieldErrors = Record<string, string>;

/**
 * What a panel does with a failed request: a 400's reasons come back to be shown beside their fields; a version
 * conflict reloads the case while the form keeps what was typed; anything else is a message (in the panel's words
 * for the codes it names).
 */
export function failure(
  caught: unknown,
  context: CaseContext,
  words: Partial<Record<string, string>> = {},
): FieldErrors {
  if (caught instanceof ApiError && caught.code === 'CASE_VERSION_CONFLICT') {
    void context.stale();
    return {};
  }
  if (caught instanceof ApiError && caught.fieldErrors.length > 0) {
    return Object.fromEntries(caught.fieldErrors.map((f) => [f.field, f.reasons.join('；')]));
  }
  const known = caught instanceof ApiError ? words[caught.code] : undefined;
  ElMessage.error(known ?? (caught instanceof Error ? caught.message : String(caught)));
  return {};
}

/** The reasons for one field, and for the parts of it (`instalments.0.amount` belongs to `instalments`). */
export const errorOf = (errors: FieldErrors, name: string): string =>
  Object.entries(errors)
    .filter(([field]) => field === name || field.startsWith(`${name}.`))
    .map(([, reason]) => reason)
    .join('；');
