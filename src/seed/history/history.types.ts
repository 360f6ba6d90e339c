import { CallDisposition } from 'src/calls/call.entity';
import { CaseEventType } from 'src/cases/case-event.entity';
import {
  CallbackResult,
  CaseCategory,
  CaseKind,
  CaseOutcome,
  CasePriority,
  CaseStatus,
  Channel,
  ClaimType,
  LegalStage,
} from 'src/cases/case.enums';
import { EmploymentForm } from 'src/parties/party.entity';
import { CalendarMode } from 'src/sla/business-calendar';
import { SlaPolicy } from 'src/sla/sla.types';
import { TimerName, TimerState } from 'src/cases/case-clock.enums';
import { SessionResult } from 'src/workflow/mediation.entity';
import { Payer } from 'src/workflow/payment.entity';

/**
 * Rows exactly as the tables hold them (times as epoch ms, money as integer fen). The loader writes them as they
 * are; nothing is recomputed on the way in.
 */
export interface CaseRow {
  id: string;
  number: string;
  kind: CaseKind;
  category: CaseCategory;
  priority: CasePriority;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  channel: Channel;
  orgUnitId: string;
  ownerPath: string;
  assigneeId: string | null;
  dispatchedFromUnitId: string | null;
  firstWorkerContactAt: number | null;
  proposedOutcome: CaseOutcome | null;
  lastCallbackResult: CallbackResult | null;
  reopenCount: number;
  workerPartyId: string | null;
  employerId: string | null;
  workersAffected: number;
  collective: boolean;
  narrative: string;
  disputeArisenOn: string | null;
  claimedFen: number;
  agreedFen: number;
  awardedFen: number;
  recoveredFen: number;
  legalAidEligible: boolean | null;
  legalStage: LegalStage | null;
  receivedAt: number;
  closedAt: number | null;
  createdBy: string;
  version: number;
  updatedAt: number;
}

export interface EventRow {
  caseId: string;
  type: CaseEventType;
  actorId: string | null;
  occurredAt: number;
  version: number;
  data: Record<string, unknown>;
}

export interface ClaimRow {
  id: string;
  caseId: string;
  type: ClaimType;
  amountFen: number;
  position: number;
}

export interface TimerRow {
  id: string;
  caseId: string;
  timer: TimerName;
  state: TimerState;
  policyCode: string;
  policyVersion: number;
  limitMs: number;
  mode: CalendarMode;
  warnFraction: number;
  startedAt: number;
  warnAt: number;
  dueAt: number;
  warnedAt: number | null;
  metAt: number | null;
  breachedAt: number | null;
}

export interface CallRow {
  id: string;
  channel: Channel;
  operatorId: string;
  orgUnitId: string;
  startedAt: number;
  endedAt: number;
  callerPartyId: string | null;
  summary: string;
  disposition: CallDisposition;
  caseId: string | null;
}

export interface PaymentRow {
  id: string;
  caseId: string;
  amountFen: number;
  paidOn: string;
  payer: Payer;
  correctsId: string | null;
  reason: string;
  recordedBy: string;
  createdAt: number;
}

export interface CallbackRow {
  id: string;
  caseId: string;
  result: CallbackResult;
  attempts: number;
  recordedBy: string;
  recordedAt: number;
}

export interface SessionRow {
  id: string;
  caseId: string;
  sessionDate: string;
  place: string;
  mediatorId: string;
  partiesPresent: string[];
  result: SessionResult;
  createdAt: number;
}

export interface InstalmentRow {
  id: string;
  caseId: string;
  seq: number;
  dueOn: string;
  amountFen: number;
}

export interface StageRow {
  id: string;
  caseId: string;
  stage: LegalStage;
  forum: string;
  externalCaseNumber: string;
  filedOn: string | null;
  hearingOn: string | null;
  decidedOn: string | null;
  awardedFen: number | null;
  recordedBy: string;
  createdAt: number;
}

export interface LinkRow {
  caseA: string;
  caseB: string;
  createdBy: string;
  createdAt: number;
}

/** Everything one batch of cases adds, in insertion order. */
export interface HistoryBatch {
  cases: CaseRow[];
  claims: ClaimRow[];
  events: EventRow[];
  timers: TimerRow[];
  calls: CallRow[];
  payments: PaymentRow[];
  callbacks: CallbackRow[];
  sessions: SessionRow[];
  instalments: InstalmentRow[];
  stages: StageRow[];
  links: LinkRow[];
}

export interface EmployerRow {
  id: string;
  name: string;
  normalizedName: string;
  creditCode: string | null;
  industry: string;
  address: string;
  /** The district union of the employer's address. */
  districtId: string;
  createdAt: number;
}

/** A party before its phone and ID number are encrypted (the loader encrypts through the real PiiCipher). */
export interface PlainParty {
  id: string;
  orgUnitId: string;
  name: string;
  phone: string;
  idNumber: string | null;
  employmentForm: EmploymentForm;
  unionMember: boolean;
  createdBy: string;
  createdAt: number;
}

export interface StaffRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  orgUnitId: string;
}

/** The org tree as the generator sees it: one city, its districts, their streets (each sorted by code). */
export interface UnitRef {
  id: string;
  code: string;
  nameZh: string;
  path: string;
}

export interface DistrictRef extends UnitRef {
  streets: UnitRef[];
}

export interface TreeRef {
  city: UnitRef;
  districts: DistrictRef[];
}

export interface HistoryOptions {
  cases: number;
  seed: number;
  years: number;
  /** The end of the history ("now" of the generated world); cases still open then stay open. */
  until: number;
}

/** What the generator needs from the database, read once before generating. */
export interface HistoryInputs {
  tree: TreeRef;
  policies: SlaPolicy[];
  /** Per year: the last case number already drawn from that year's sequence. */
  sequenceBase: ReadonlyMap<number, number>;
}
