import { api } from './api';
import type { components } from './api-types';

export type EmployerSuggestion = components['schemas']['EmployerSuggestionDto'];

/** Employers known in the account's scope whose name contains `query` or whose credit code starts with it. */
export function suggestEmployers(query: string): Promise<EmployerSuggestion[]> {
  const q = query.trim();
  return q.length === 0 ? Promise.resolve([]) : api.get<EmployerSuggestion[]>('/employers', { q });
}
