import type { CaseEntity } from 'src/cases/case.entity';

/** Columns of a case a change sets, as plain values (never SQL). */
export type CaseFields = Partial<Omit<CaseEntity, 'id' | 'version' | 'orgUnit' | 'employer' | 'workerParty'>>;

/**
 * Counters a change moves, in the same UPDATE as its fields: two commands adding money to one case add up, neither
 * overwrites the other's sum. The repository turns them into `column + delta`.
 */
export interface CaseDeltas {
  recoveredFen?: bigint;
  reopenCount?: number;
}

/** What a command does to the case row: fields set and counters moved (the version is the writer's). */
export interface CaseChange {
  fields: CaseFields;
  deltas?: CaseDeltas;
}
