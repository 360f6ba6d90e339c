import { bind, BoundInsert, BulkColumn, BulkTable } from 'src/seed/history/bulk-insert';
import {
  CallbackRow,
  CallRow,
  CaseRow,
  ClaimRow,
  EmployerRow,
  EventRow,
  HistoryBatch,
  InstalmentRow,
  LinkRow,
  PaymentRow,
  SessionRow,
  StageRow,
  TimerRow,
} from 'src/seed/history/history.types';

/** How each generated row maps onto its table's columns (columns left out take their defaults). */

const col = <R>(name: string, type: string, value: (row: R) => unknown): BulkColumn<R> => ({ name, type, value });
const at = <R>(name: string, value: (row: R) => number | null): BulkColumn<R> => ({
  name,
  type: 'timestamptz',
  value,
  epochMs: true,
});

export const CASES: BulkTable<CaseRow> = {
  table: 'case',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('number', 'varchar', (r) => r.number),
    col('kind', 'case_kind', (r) => r.kind),
    col('category', 'case_category', (r) => r.category),
    col('priority', 'case_priority', (r) => r.priority),
    col('status', 'case_status', (r) => r.status),
    col('outcome', 'case_outcome', (r) => r.outcome),
    col('channel', 'channel', (r) => r.channel),
    col('org_unit_id', 'uuid', (r) => r.orgUnitId),
    col('owner_path', 'text', (r) => r.ownerPath),
    col('assignee_id', 'uuid', (r) => r.assigneeId),
    col('dispatched_from_unit_id', 'uuid', (r) => r.dispatchedFromUnitId),
    at('first_worker_contact_at', (r) => r.firstWorkerContactAt),
    col('proposed_outcome', 'case_outcome', (r) => r.proposedOutcome),
    col('last_callback_result', 'callback_result', (r) => r.lastCallbackResult),
    col('reopen_count', 'int', (r) => r.reopenCount),
    col('worker_party_id', 'uuid', (r) => r.workerPartyId),
    col('employer_id', 'uuid', (r) => r.employerId),
    col('workers_affected', 'int', (r) => r.workersAffected),
    col('collective', 'boolean', (r) => r.collective),
    col('narrative', 'text', (r) => r.narrative),
    col('dispute_arisen_on', 'date', (r) => r.disputeArisenOn),
    col('claimed_fen', 'bigint', (r) => r.claimedFen),
    col('agreed_fen', 'bigint', (r) => r.agreedFen),
    col('awarded_fen', 'bigint', (r) => r.awardedFen),
    col('recovered_fen', 'bigint', (r) => r.recoveredFen),
    col('legal_aid_eligible', 'boolean', (r) => r.legalAidEligible),
    col('legal_stage', 'legal_stage', (r) => r.legalStage),
    at('received_at', (r) => r.receivedAt),
    at('closed_at', (r) => r.closedAt),
    col('created_by', 'uuid', (r) => r.createdBy),
    col('version', 'int', (r) => r.version),
    at('created_at', (r) => r.receivedAt),
    at('updated_at', (r) => r.updatedAt),
  ],
};

export const CLAIMS: BulkTable<ClaimRow> = {
  table: 'case_claim',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('case_id', 'uuid', (r) => r.caseId),
    col('type', 'claim_type', (r) => r.type),
    col('amount_fen', 'bigint', (r) => r.amountFen),
    col('position', 'smallint', (r) => r.position),
  ],
};

export const EVENTS: BulkTable<EventRow> = {
  table: 'case_event',
  columns: [
    col('case_id', 'uuid', (r) => r.caseId),
    col('type', 'varchar', (r) => r.type),
    col('actor_id', 'uuid', (r) => r.actorId),
    at('occurred_at', (r) => r.occurredAt),
    col('version', 'int', (r) => r.version),
    col('data', 'jsonb', (r) => JSON.stringify(r.data)),
  ],
};

export const TIMERS: BulkTable<TimerRow> = {
  table: 'case_timer',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('case_id', 'uuid', (r) => r.caseId),
    col('timer', 'timer_name', (r) => r.timer),
    col('state', 'timer_state', (r) => r.state),
    col('policy_code', 'varchar', (r) => r.policyCode),
    col('policy_version', 'int', (r) => r.policyVersion),
    col('limit_ms', 'bigint', (r) => r.limitMs),
    col('mode', 'varchar', (r) => r.mode),
    col('warn_fraction', 'real', (r) => r.warnFraction),
    at('started_at', (r) => r.startedAt),
    at('warn_at', (r) => r.warnAt),
    at('due_at', (r) => r.dueAt),
    at('warned_at', (r) => r.warnedAt),
    at('met_at', (r) => r.metAt),
    at('breached_at', (r) => r.breachedAt),
  ],
};

export const CALLS: BulkTable<CallRow> = {
  table: 'call',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('channel', 'channel', (r) => r.channel),
    col('operator_id', 'uuid', (r) => r.operatorId),
    col('org_unit_id', 'uuid', (r) => r.orgUnitId),
    at('started_at', (r) => r.startedAt),
    at('ended_at', (r) => r.endedAt),
    col('caller_party_id', 'uuid', (r) => r.callerPartyId),
    col('summary', 'text', (r) => r.summary),
    col('disposition', 'call_disposition', (r) => r.disposition),
    col('case_id', 'uuid', (r) => r.caseId),
    at('created_at', (r) => r.endedAt),
  ],
};

export const PAYMENTS: BulkTable<PaymentRow> = {
  table: 'payment',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('case_id', 'uuid', (r) => r.caseId),
    col('amount_fen', 'bigint', (r) => r.amountFen),
    col('paid_on', 'date', (r) => r.paidOn),
    col('payer', 'payer', (r) => r.payer),
    col('corrects_id', 'uuid', (r) => r.correctsId),
    col('reason', 'varchar', (r) => r.reason),
    col('recorded_by', 'uuid', (r) => r.recordedBy),
    at('created_at', (r) => r.createdAt),
  ],
};

export const CALLBACKS: BulkTable<CallbackRow> = {
  table: 'case_callback',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('case_id', 'uuid', (r) => r.caseId),
    col('result', 'callback_result', (r) => r.result),
    col('attempts', 'smallint', (r) => r.attempts),
    col('recorded_by', 'uuid', (r) => r.recordedBy),
    at('recorded_at', (r) => r.recordedAt),
  ],
};

export const SESSIONS: BulkTable<SessionRow> = {
  table: 'mediation_session',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('case_id', 'uuid', (r) => r.caseId),
    col('session_date', 'date', (r) => r.sessionDate),
    col('place', 'varchar', (r) => r.place),
    col('mediator_id', 'uuid', (r) => r.mediatorId),
    col('parties_present', 'text[]', (r) => r.partiesPresent),
    col('result', 'mediation_session_result', (r) => r.result),
    at('created_at', (r) => r.createdAt),
  ],
};

export const INSTALMENTS: BulkTable<InstalmentRow> = {
  table: 'case_instalment',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('case_id', 'uuid', (r) => r.caseId),
    col('seq', 'smallint', (r) => r.seq),
    col('due_on', 'date', (r) => r.dueOn),
    col('amount_fen', 'bigint', (r) => r.amountFen),
  ],
};

export const STAGES: BulkTable<StageRow> = {
  table: 'legal_aid_stage',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('case_id', 'uuid', (r) => r.caseId),
    col('stage', 'legal_stage', (r) => r.stage),
    col('forum', 'varchar', (r) => r.forum),
    col('external_case_number', 'varchar', (r) => r.externalCaseNumber),
    col('filed_on', 'date', (r) => r.filedOn),
    col('hearing_on', 'date', (r) => r.hearingOn),
    col('decided_on', 'date', (r) => r.decidedOn),
    col('awarded_fen', 'bigint', (r) => r.awardedFen),
    col('recorded_by', 'uuid', (r) => r.recordedBy),
    at('created_at', (r) => r.createdAt),
  ],
};

export const LINKS: BulkTable<LinkRow> = {
  table: 'case_link',
  columns: [
    col('case_a', 'uuid', (r) => r.caseA),
    col('case_b', 'uuid', (r) => r.caseB),
    col('created_by', 'uuid', (r) => r.createdBy),
    at('created_at', (r) => r.createdAt),
  ],
};

export const EMPLOYERS: BulkTable<EmployerRow> = {
  table: 'employer',
  columns: [
    col('id', 'uuid', (r) => r.id),
    col('name', 'varchar', (r) => r.name),
    col('normalized_name', 'varchar', (r) => r.normalizedName),
    col('credit_code', 'char(18)', (r) => r.creditCode),
    col('industry', 'varchar', (r) => r.industry),
    col('address', 'varchar', (r) => r.address),
    col('district_id', 'uuid', (r) => r.districtId),
    at('created_at', (r) => r.createdAt),
  ],
};

/** The batch's INSERTs, parents first (foreign keys are checked at the end of the statement anyway). */
export function batchInserts(b: HistoryBatch): BoundInsert[] {
  return [
    bind(CASES, b.cases),
    bind(CLAIMS, b.claims),
    bind(EVENTS, b.events),
    bind(TIMERS, b.timers),
    bind(CALLS, b.calls),
    bind(PAYMENTS, b.payments),
    bind(CALLBACKS, b.callbacks),
    bind(SESSIONS, b.sessions),
    bind(INSTALMENTS, b.instalments),
    bind(STAGES, b.stages),
    bind(LINKS, b.links),
  ];
}
