import type { InstalmentState } from 'src/workflow/effects/instalments';
import { api } from '../api';
import type { components } from '../api-types';

type Schemas = components['schemas'];
export type PaymentEntry = Schemas['PaymentEntryDto'];

/**
 * An instalment as GET /cases/{id}/payments answers it. docs/openapi.json names two classes `InstalmentDto` (the
 * agreement's input and the ledger's view), so the generated type lacks the view's `seq` and `state`: added here
 * until the document tells them apart.
 */
export type Instalment = Schemas['InstalmentDto'] & { seq?: number; state?: InstalmentState };

export type Ledger = Omit<Schemas['LedgerDto'], 'instalments'> & { instalments: Instalment[] };

export const loadLedger = (caseId: string): Promise<Ledger> => api.get<Ledger>(`/cases/${caseId}/payments`);
