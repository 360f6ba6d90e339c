import type { CaseEntity } from 'src/cases/case.entity';
import { CaseCategory, CaseKind, CasePriority, CaseStatus } from 'src/cases/case.enums';

/**
 * A case as the after-write hooks see it: the row's facts in domain types (money as bigint fen), read from the
 * entity just written — never from an HTTP response, whose shape is the API's and may change for its readers.
 */
export interface CaseState {
  id: string;
  number: string;
  kind: CaseKind;
  category: CaseCategory;
  priority: CasePriority;
  status: CaseStatus;
  orgUnitId: string;
  ownerPath: string;
  assigneeId: string | null;
  employerId: string | null;
  workersAffected: number;
  disputeArisenOn: string | null;
  claimedFen: bigint;
  recoveredFen: bigint;
  version: number;
}

export function caseStateOf(entity: CaseEntity): CaseState {
  return {
    id: entity.id,
    number: entity.number,
    kind: entity.kind,
    category: entity.category,
    priority: entity.priority,
    status: entity.status,
    orgUnitId: entity.orgUnitId,
    ownerPath: entity.ownerPath,
    assigneeId: entity.assigneeId,
    employerId: entity.employerId,
    workersAffected: entity.workersAffected,
    disputeArisenOn: entity.disputeArisenOn,
    claimedFen: BigInt(entity.claimedFen),
    recoveredFen: BigInt(entity.recoveredFen),
    version: entity.version,
  };
}
