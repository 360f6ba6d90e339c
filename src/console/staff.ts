import { api } from './api';
import type { components } from './api-types';
import { session } from './session';

export type StaffMember = components['schemas']['StaffMemberDto'];

const cache = new Map<string, Promise<StaffMember[]>>();

/**
 * The active accounts of one union, loaded once per page view. Keyed by the signed-in account too: another
 * account signing in in this tab may not see that union at all.
 */
export function staffOf(unitId: string): Promise<StaffMember[]> {
  const key = `${session.me?.id ?? ''}:${unitId}`;
  let found = cache.get(key);
  if (!found) {
    found = api.get<StaffMember[]>(`/org-units/${unitId}/staff`);
    cache.set(key, found);
    // A failed load is tried again next time, not remembered.
    found.catch(() => cache.delete(key));
  }
  return found;
}
