import { ElMessage } from 'element-plus';
import { ApiError } from './api';

/** A 400's reasons by field, each field's reasons as one line. */
export type FieldErrors = Record<string, string>;

/** What a failure says to the user: the API's message, or the thrown thing as text. */
export const messageOf = (caught: unknown): string => (caught instanceof Error ? caught.message : String(caught));

/** A failure with no field to sit beside and nothing to reload: a message. */
export function showError(caught: unknown): void {
  ElMessage.error(messageOf(caught));
}

export interface FailureWays {
  /** Someone else changed the record first: what to do instead of a message (reload it, keeping what was typed). */
  stale?: () => void;
  /** Which answers are such a conflict; by default the case's version having moved on. */
  isStale?: (error: ApiError) => boolean;
  /** The caller's own words for the error codes it names. */
  words?: Partial<Record<string, string>>;
}

const versionConflict = (error: ApiError): boolean => error.code === 'CASE_VERSION_CONFLICT';

/**
 * The console's one way with a failed request: a 400's reasons come back to be shown beside their fields; a
 * conflict goes to `stale`; anything else is a message (in the caller's words for the codes it names).
 */
export function apiFailure(caught: unknown, ways: FailureWays = {}): FieldErrors {
  if (caught instanceof ApiError) {
    if (ways.stale && (ways.isStale ?? versionConflict)(caught)) {
      ways.stale();
      return {};
    }
    if (caught.fieldErrors.length > 0) {
      return Object.fromEntries(caught.fieldErrors.map((f) => [f.field, f.reasons.join('；')]));
    }
  }
  const known = caught instanceof ApiError ? ways.words?.[caught.code] : undefined;
  ElMessage.error(known ?? messageOf(caught));
  return {};
}

/** The reasons for one field, and for the parts of it (`instalments.0.amount` belongs to `instalments`). */
export const errorOf = (errors: FieldErrors, name: string): string =>
  Object.entries(errors)
    .filter(([field]) => field === name || field.startsWith(`${name}.`))
    .map(([, reason]) => reason)
    .join('；');
