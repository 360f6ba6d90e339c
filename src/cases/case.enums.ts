export enum CaseKind {
  Consultation = 'consultation',
  Complaint = 'complaint',
  LabourDispute = 'labour_dispute',
  HardshipAid = 'hardship_aid',
}

export enum CaseCategory {
  WageArrears = 'wage_arrears',
  LabourContract = 'labour_contract',
  SocialInsurance = 'social_insurance',
  WorkInjury = 'work_injury',
  WorkingHours = 'working_hours',
  Dismissal = 'dismissal',
  OccupationalSafety = 'occupational_safety',
  Discrimination = 'discrimination',
  PlatformWork = 'platform_work',
  Other = 'other',
}

export enum CasePriority {
  Normal = 'normal',
  Urgent = 'urgent',
  Critical = 'critical',
}

export enum CaseStatus {
  Received = 'received',
  Triaged = 'triaged',
  Dispatched = 'dispatched',
  InProgress = 'in_progress',
  Mediation = 'mediation',
  LegalAid = 'legal_aid',
  Resolved = 'resolved',
  Closed = 'closed',
}

export const OPEN_STATUSES: readonly CaseStatus[] = Object.values(CaseStatus).filter((s) => s !== CaseStatus.Closed);

export enum CaseOutcome {
  Answered = 'answered',
  ResolvedByNegotiation = 'resolved_by_negotiation',
  MediationAgreement = 'mediation_agreement',
  ArbitrationAward = 'arbitration_award',
  CourtJudgment = 'court_judgment',
  Settled = 'settled',
  PartiallyResolved = 'partially_resolved',
  Unresolved = 'unresolved',
  Withdrawn = 'withdrawn',
  NotAccepted = 'not_accepted',
  ReferredOut = 'referred_out',
  Duplicate = 'duplicate',
}

/**
 * The outcomes the resolution rate counts as resolved (SPEC §5); `partially_resolved` counts one half. The report
 * SQL (raw computation) is built from these lists; the aggregates' frozen copy in migrations/support is checked
 * against them by src/reports/resolving-outcomes.spec.ts, so changing a list needs a migration.
 */
export const RESOLVING_OUTCOMES: readonly CaseOutcome[] = [
  CaseOutcome.Answered,
  CaseOutcome.ResolvedByNegotiation,
  CaseOutcome.MediationAgreement,
  CaseOutcome.ArbitrationAward,
  CaseOutcome.CourtJudgment,
  CaseOutcome.Settled,
];
export const HALF_RESOLVING_OUTCOME = CaseOutcome.PartiallyResolved;
/** Closed without being worked to an end: outside the resolution rate's base. */
export const UNWORKED_OUTCOMES: readonly CaseOutcome[] = [
  CaseOutcome.Withdrawn,
  CaseOutcome.Duplicate,
  CaseOutcome.NotAccepted,
];

export enum Channel {
  Hotline = 'hotline',
  WalkIn = 'walk_in',
  Online = 'online',
  Wechat = 'wechat',
  Letter = 'letter',
  Referral = 'referral',
}

export enum ClaimType {
  UnpaidWages = 'unpaid_wages',
  Overtime = 'overtime',
  Severance = 'severance',
  DoubleWages = 'double_wages',
  SocialInsurance = 'social_insurance',
  WorkInjury = 'work_injury',
  Compensation = 'compensation',
  Other = 'other',
}

export enum LegalStage {
  Assessment = 'assessment',
  Arbitration = 'arbitration',
  Litigation = 'litigation',
  Enforcement = 'enforcement',
}

export const STAGE_ORDER: readonly LegalStage[] = [
  LegalStage.Assessment,
  LegalStage.Arbitration,
  LegalStage.Litigation,
  LegalStage.Enforcement,
];

export enum CallbackResult {
  Satisfied = 'satisfied',
  BasicallySatisfied = 'basically_satisfied',
  Dissatisfied = 'dissatisfied',
  Unreachable = 'unreachable',
}

/** A dispute with this many workers (and a common claim) is collective and at least urgent. */
export const COLLECTIVE_THRESHOLD = 10;

const PRIORITY_RANK: Record<CasePriority, number> = {
  [CasePriority.Normal]: 0,
  [CasePriority.Urgent]: 1,
  [CasePriority.Critical]: 2,
};

/** Collective disputes are raised to at least urgent; a higher priority is kept. */
export function effectivePriority(requested: CasePriority, workersAffected: number): CasePriority {
  if (workersAffected < COLLECTIVE_THRESHOLD) return requested;
  return PRIORITY_RANK[requested] >= PRIORITY_RANK[CasePriority.Urgent] ? requested : CasePriority.Urgent;
}
