import { Role } from 'src/auth/role';
import { CaseStatus, OPEN_STATUSES } from 'src/cases/case.enums';

/** Every command a case accepts after intake. Each is `POST /cases/:id/<command>` (kebab-case). */
export enum CaseCommand {
  Classify = 'classify',
  Dispatch = 'dispatch',
  Transfer = 'transfer',
  Return = 'return',
  Accept = 'accept',
  Urge = 'urge',
  Reassign = 'reassign',
  RecordContact = 'record_contact',
  AnswerAtIntake = 'answer_at_intake',
  ProposeClosure = 'propose_closure',
  Close = 'close',
  Withdraw = 'withdraw',
  NotAccepted = 'not_accepted',
  Duplicate = 'duplicate',
  RecordCallback = 'record_callback',
  Reopen = 'reopen',
  StartMediation = 'start_mediation',
  RecordSession = 'record_session',
  RecordAgreement = 'record_agreement',
  RecordNoAgreement = 'record_no_agreement',
  ReferLegalAid = 'refer_legal_aid',
  DecideEligibility = 'decide_eligibility',
  RecordStage = 'record_stage',
  RecordPayment = 'record_payment',
  CorrectPayment = 'correct_payment',
}

export interface CommandRule {
  /** Statuses the command is allowed from. */
  from: readonly CaseStatus[];
  /** The status afterwards; `null` keeps the current one. */
  to: CaseStatus | null;
  roles: readonly Role[];
  /** Body fields that must be present (beyond the version), for docs and the 400 messages. */
  required: readonly string[];
  /** One line for docs/workflow.md and the OpenAPI summary. */
  summary: string;
}

const OPEN = OPEN_STATUSES;
const WORKING: readonly CaseStatus[] = [CaseStatus.InProgress, CaseStatus.Mediation, CaseStatus.LegalAid];
const { Operator, Dispatcher, Mediator, LegalAid } = Role;

/**
 * The case life cycle of SPEC §3 as data: the only place transitions, roles and required fields are written.
 * The service enforces it, the controller's role decorators read it, and docs/workflow.md is generated from it
 * (a test fails when the document is stale).
 */
export const WORKFLOW: Record<CaseCommand, CommandRule> = {
  [CaseCommand.Classify]: {
    from: [CaseStatus.Received, CaseStatus.Triaged],
    to: CaseStatus.Triaged,
    roles: [Operator, Dispatcher],
    required: ['kind', 'category', 'priority'],
    summary:
      'Set kind, category and priority; a received case becomes triaged (collective disputes stay at least urgent).',
  },
  [CaseCommand.Dispatch]: {
    from: [CaseStatus.Triaged],
    to: CaseStatus.Dispatched,
    roles: [Operator, Dispatcher],
    required: ['orgUnitId'],
    summary: 'Send the case to a union (optionally naming an assignee); the unit becomes its owner.',
  },
  [CaseCommand.Transfer]: {
    from: [CaseStatus.Dispatched],
    to: CaseStatus.Dispatched,
    roles: [Dispatcher],
    required: ['orgUnitId', 'reason'],
    summary: 'Move a dispatched case to another union, with a reason.',
  },
  [CaseCommand.Return]: {
    from: [CaseStatus.Dispatched],
    to: CaseStatus.Triaged,
    roles: [Mediator, LegalAid, Dispatcher],
    required: ['reason'],
    summary: 'The receiving union hands the case back to the dispatcher, with a reason.',
  },
  [CaseCommand.Accept]: {
    from: [CaseStatus.Dispatched],
    to: CaseStatus.InProgress,
    roles: [Mediator, LegalAid],
    required: [],
    summary: 'The receiving union takes the case; the accepting user becomes its handler.',
  },
  [CaseCommand.Urge]: {
    from: OPEN,
    to: null,
    roles: [Dispatcher],
    required: ['note'],
    summary: 'Press the owning union to act (督办), with a note.',
  },
  [CaseCommand.Reassign]: {
    from: [CaseStatus.Dispatched, ...WORKING],
    to: null,
    roles: [Dispatcher],
    required: ['assigneeId', 'reason'],
    summary: 'Give the case to another user of the owning union, with a reason.',
  },
  [CaseCommand.RecordContact]: {
    from: [CaseStatus.Dispatched, ...WORKING],
    to: null,
    roles: [Mediator, LegalAid, Operator],
    required: ['with', 'method'],
    summary: 'Record a contact with the worker or the employer (phone, visit, message).',
  },
  [CaseCommand.AnswerAtIntake]: {
    from: [CaseStatus.Received, CaseStatus.Triaged],
    to: CaseStatus.Closed,
    roles: [Operator],
    required: [],
    summary: 'Close a consultation answered by the operator (outcome answered).',
  },
  [CaseCommand.ProposeClosure]: {
    from: WORKING,
    to: CaseStatus.Resolved,
    roles: [Mediator, LegalAid],
    required: ['outcome'],
    summary: 'The handler proposes closing with an outcome code.',
  },
  [CaseCommand.Close]: {
    from: [CaseStatus.Resolved],
    to: CaseStatus.Closed,
    roles: [Dispatcher],
    required: ['outcome', 'amountsConfirmed'],
    summary: 'Confirm closure with the outcome checklist (amounts reviewed; for agreements, the payment status).',
  },
  [CaseCommand.Withdraw]: {
    from: OPEN,
    to: CaseStatus.Closed,
    roles: [Dispatcher, Operator],
    required: ['reason'],
    summary: 'The worker withdrew: close with outcome withdrawn.',
  },
  [CaseCommand.NotAccepted]: {
    from: OPEN,
    to: CaseStatus.Closed,
    roles: [Dispatcher],
    required: ['reason'],
    summary: 'Outside what the union handles: close with outcome not_accepted.',
  },
  [CaseCommand.Duplicate]: {
    from: OPEN,
    to: CaseStatus.Closed,
    roles: [Dispatcher, Operator],
    required: ['reason', 'originalCaseId'],
    summary: 'Same matter as another case: close with outcome duplicate, linked to the original.',
  },
  [CaseCommand.RecordCallback]: {
    from: [CaseStatus.Closed],
    to: null,
    roles: [Operator, Dispatcher],
    required: ['result'],
    summary: 'Follow-up call after closure (回访) by someone other than the handler.',
  },
  [CaseCommand.StartMediation]: {
    from: [CaseStatus.InProgress],
    to: CaseStatus.Mediation,
    roles: [Mediator],
    required: [],
    summary: 'Open union mediation (the 15-day statutory mediation clock starts).',
  },
  [CaseCommand.RecordSession]: {
    from: [CaseStatus.Mediation],
    to: null,
    roles: [Mediator],
    required: ['sessionDate', 'place', 'result'],
    summary: 'Record a mediation session: date, place, mediator, parties present, result.',
  },
  [CaseCommand.RecordAgreement]: {
    from: [CaseStatus.Mediation],
    to: CaseStatus.InProgress,
    roles: [Mediator],
    required: ['amount'],
    summary: 'Record the mediation agreement: amount and payment schedule (instalments with due dates).',
  },
  [CaseCommand.RecordNoAgreement]: {
    from: [CaseStatus.Mediation],
    to: CaseStatus.InProgress,
    roles: [Mediator],
    required: ['reason'],
    summary: 'Mediation ended without agreement; next: legal aid or a closure proposal.',
  },
  [CaseCommand.ReferLegalAid]: {
    from: [CaseStatus.InProgress],
    to: CaseStatus.LegalAid,
    roles: [Mediator, LegalAid],
    required: ['reason'],
    summary: 'Refer the case to legal aid (assessment stage).',
  },
  [CaseCommand.DecideEligibility]: {
    from: [CaseStatus.LegalAid],
    to: null,
    roles: [LegalAid],
    required: ['eligible', 'reason'],
    summary: 'Decide legal-aid eligibility; departing from the standard decision needs an override reason.',
  },
  [CaseCommand.RecordStage]: {
    from: [CaseStatus.LegalAid],
    to: null,
    roles: [LegalAid],
    required: ['stage'],
    summary: 'Record an arbitration, litigation or enforcement step (forum, numbers, dates, award).',
  },
  [CaseCommand.RecordPayment]: {
    from: [...WORKING, CaseStatus.Resolved],
    to: null,
    roles: [Mediator, LegalAid],
    required: ['amount', 'paidOn', 'payer'],
    summary: 'Add money recovered for the worker to the ledger.',
  },
  [CaseCommand.CorrectPayment]: {
    from: [...WORKING, CaseStatus.Resolved],
    to: null,
    roles: [Mediator, LegalAid],
    required: ['correctsPaymentId', 'amount', 'reason'],
    summary: 'Correct a ledger entry with a negative entry that references it (entries are never edited).',
  },
  [CaseCommand.Reopen]: {
    from: [CaseStatus.Closed],
    to: CaseStatus.InProgress,
    roles: [Dispatcher],
    required: ['reason'],
    summary: 'Reopen within 30 days after a dissatisfied callback.',
  },
};

/** The commands a caller with these roles may issue on a case in this status. */
export function allowedCommands(status: CaseStatus, roles: readonly Role[]): CaseCommand[] {
  return Object.values(CaseCommand).filter(
    (command) =>
      WORKFLOW[command].from.includes(status) && WORKFLOW[command].roles.some((role) => roles.includes(role)),
  );
}

export const commandPath = (command: CaseCommand): string => command.replace(/_/g, '-');
