import { api } from '../api';
import type { components } from '../api-types';

type Schemas = components['schemas'];
export type PaymentEntry = Schemas['PaymentEntryDto'];

export type Instalment = Schemas['InstalmentStateDto'];
export type Ledger = Schemas['LedgerDto'];

export const loadLedger = (caseId: string): Promise<Ledger> => api.get<Ledger>(`/cases/${caseId}/payments`);
