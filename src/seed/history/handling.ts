import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseKind, CaseOutcome, CaseStatus, LegalStage } from 'src/cases/case.enums';
import { DAY_MS, HOUR_MS } from 'src/sla/business-calendar';
import { SessionResult } from 'src/workflow/mediation.entity';
import { Payer } from 'src/workflow/payment.entity';
import { close, closeAs, pay, proposeClosure } from 'src/seed/history/actions';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { CaseProfile } from 'src/seed/history/case-profile';
import type { Cast } from 'src/seed/history/lifecycle';
import { Weighted } from 'src/seed/history/rng';
import { Story } from 'src/seed/history/story';

const WORKING_DAY = 24 * HOUR_MS;

/** After acceptance: negotiation, union mediation or legal aid, until the closure is confirmed. */
export function handle(s: Story, p: CaseProfile, cast: Cast): void {
  const money = s.row.claimedFen > 0;
  const r = s.rng.float();
  if (p.kind === CaseKind.HardshipAid) {
    if (r < 0.95) negotiate(s, cast, r < 0.88 ? CaseOutcome.ResolvedByNegotiation : CaseOutcome.Unresolved);
    else withdraw(s, cast);
    return;
  }
  const [toNegotiation, toMediation, toLegal, toWithdraw] =
    p.kind === CaseKind.Complaint ? [0.82, 0.9, 0.9, 0.95] : [0.3, 0.85, 0.9, 0.95];
  if (r < toNegotiation || (!money && r < toLegal)) negotiate(s, cast);
  else if (r < toMediation) mediate(s, cast);
  else if (r < toLegal) legalAid(s, cast);
  else if (r < toWithdraw) withdraw(s, cast);
  else finish(s, cast, CaseOutcome.ReferredOut, 2);
}

const handler = (s: Story, cast: Cast): string => s.row.assigneeId ?? cast.legal;

function withdraw(s: Story, cast: Cast): void {
  s.waitHours(5 * 24, 0.8);
  closeAs(s, cast.dispatcher, CaseOutcome.Withdrawn, CaseEventType.Withdrawn, { reason: '劳动者申请撤回' });
}

/** Proposal after `days` working days of work, then the dispatcher confirms. */
function finish(s: Story, cast: Cast, outcome: CaseOutcome, days: number): void {
  s.waitWorking(s.rng.logNormal(days, 0.5) * WORKING_DAY);
  proposeClosure(s, handler(s, cast), outcome);
  s.waitHours(8, 0.8, true);
  close(s, cast.dispatcher);
}

const NEGOTIATED = Weighted.of<CaseOutcome>({
  [CaseOutcome.ResolvedByNegotiation]: 72,
  [CaseOutcome.PartiallyResolved]: 13,
  [CaseOutcome.Unresolved]: 10,
  [CaseOutcome.Settled]: 5,
});
const SHARE: Partial<Record<CaseOutcome, [number, number]>> = {
  [CaseOutcome.ResolvedByNegotiation]: [0.6, 1],
  [CaseOutcome.PartiallyResolved]: [0.2, 0.6],
  [CaseOutcome.Settled]: [0.5, 0.9],
};

/** The union talks to the employer; most cases end here, typically within a week or two. */
function negotiate(s: Story, cast: Cast, fixed?: CaseOutcome): void {
  const money = s.row.claimedFen > 0;
  const outcome =
    fixed ??
    (money ? NEGOTIATED.draw(s.rng) : s.rng.chance(0.85) ? CaseOutcome.ResolvedByNegotiation : CaseOutcome.Unresolved);
  const days = s.rng.logNormal(4, 0.6);
  const share = SHARE[outcome];
  if (money && share) {
    const total = Math.round(s.row.claimedFen * s.rng.uniform(share[0], share[1]));
    const parts = s.rng.chance(0.8) ? [total] : [Math.round(total / 2), total - Math.round(total / 2)];
    for (const part of parts) {
      s.waitWorking((days / (parts.length + 1)) * WORKING_DAY);
      pay(s, handler(s, cast), part);
    }
  }
  finish(s, cast, outcome, Math.max(0.3, days / 3));
}

/** Union mediation: sessions within the statutory 15 days, ending with or without an agreement. */
function mediate(s: Story, cast: Cast): void {
  s.waitHours(36, 0.7);
  const mediator = handler(s, cast);
  s.apply(CaseEventType.MediationStarted, mediator, { mediatorId: mediator }, { status: CaseStatus.Mediation });
  const end = s.t + s.rng.logNormal(5, 0.55) * DAY_MS * s.pace;
  const agreed = s.rng.chance(s.row.collective ? 0.6 : 0.72);
  const sessions = s.rng.chance(0.55) ? 1 : s.rng.chance(0.78) ? 2 : 3;
  for (let k = 1; k <= sessions; k++) {
    s.waitUntil(s.t + (end - s.t) / (sessions - k + 1));
    const last = k === sessions;
    const result = !last
      ? s.rng.pick([SessionResult.NoAgreement, SessionResult.EmployerAbsent])
      : agreed
        ? s.rng.chance(0.85)
          ? SessionResult.Agreement
          : SessionResult.PartialAgreement
        : SessionResult.NoAgreement;
    const sessionId = s.rng.uuid();
    const place = '工会劳动争议调解室';
    const partiesPresent = result === SessionResult.EmployerAbsent ? ['劳动者本人'] : ['劳动者本人', '用人单位代表'];
    const sessionDate = shanghaiDay(s.t);
    s.out.sessions.push({
      id: sessionId,
      caseId: s.row.id,
      sessionDate,
      place,
      mediatorId: mediator,
      partiesPresent,
      result,
      createdAt: s.t,
    });
    s.apply(CaseEventType.SessionRecorded, mediator, { sessionId, sessionDate, place, result, partiesPresent });
  }
  s.waitHours(2, 0.5);
  if (!agreed) {
    s.apply(
      CaseEventType.NoAgreement,
      mediator,
      { reason: '用人单位不同意调解方案' },
      { status: CaseStatus.InProgress },
    );
    const r = s.rng.float();
    if (r < 0.55) legalAid(s, cast);
    else finish(s, cast, r < 0.8 ? CaseOutcome.ReferredOut : CaseOutcome.Unresolved, 1);
    return;
  }
  agreement(s, cast, mediator);
}

function agreement(s: Story, cast: Cast, mediator: string): void {
  const agreedFen = Math.round((s.row.claimedFen * s.rng.uniform(0.5, 0.9)) / 100) * 100;
  const instalments = s.rng.chance(agreedFen > 2_000_000 ? 0.25 : 0.1) ? s.rng.int(2, 4) : 0;
  const base = Math.floor(agreedFen / Math.max(1, instalments) / 100) * 100;
  const schedule = Array.from({ length: instalments }, (_, k) => ({
    amountFen: k === instalments - 1 ? agreedFen - base * (instalments - 1) : base,
    due: s.t + (k + 1) * 30 * DAY_MS,
  }));
  schedule.forEach((i, k) =>
    s.out.instalments.push({
      id: s.rng.uuid(),
      caseId: s.row.id,
      seq: k + 1,
      dueOn: shanghaiDay(i.due),
      amountFen: i.amountFen,
    }),
  );
  s.apply(
    CaseEventType.AgreementRecorded,
    mediator,
    { agreedFen: String(agreedFen), instalments: instalments },
    { status: CaseStatus.InProgress, agreedFen },
  );
  if (instalments === 0) {
    const r = s.rng.float();
    s.waitHours(3 * 24, 0.6);
    pay(s, mediator, r < 0.95 ? agreedFen : r < 0.98 ? Math.round(agreedFen * s.rng.uniform(0.3, 0.7)) : 0);
  } else {
    for (const i of schedule) {
      const r = s.rng.float();
      if (r < 0.04) break;
      s.waitUntil(i.due + (r < 0.14 ? s.rng.uniform(1, 20) : -s.rng.uniform(0, 5)) * DAY_MS);
      pay(s, mediator, i.amountFen);
    }
  }
  const recovered = s.row.recoveredFen;
  const outcome =
    recovered >= agreedFen
      ? CaseOutcome.MediationAgreement
      : recovered > 0
        ? CaseOutcome.PartiallyResolved
        : CaseOutcome.Unresolved;
  finish(s, cast, outcome, 1);
}

/** Legal aid: eligibility, arbitration (which stops the limitation clock), maybe court and enforcement. */
function legalAid(s: Story, cast: Cast): void {
  s.waitHours(24, 0.8);
  s.apply(
    CaseEventType.ReferredToLegalAid,
    handler(s, cast),
    { reason: '调解不成，需通过仲裁维权' },
    { status: CaseStatus.LegalAid, legalStage: LegalStage.Assessment, legalAidEligible: null },
  );
  s.waitWorking(s.rng.logNormal(2, 0.6) * WORKING_DAY);
  const standard = s.row.kind === CaseKind.LabourDispute && s.row.claimedFen > 0;
  const eligible = s.rng.chance(standard ? 0.95 : 0.3);
  s.apply(
    CaseEventType.EligibilityDecided,
    cast.legal,
    {
      eligible,
      standard,
      reason: eligible ? '符合工会法律援助条件' : '不符合法律援助条件',
      overrideReason: eligible === standard ? null : '经集体研究决定',
    },
    { legalAidEligible: eligible },
  );
  if (!eligible) {
    finish(s, cast, s.rng.chance(0.6) ? CaseOutcome.ReferredOut : CaseOutcome.Unresolved, 1);
    return;
  }
  const forum = '劳动人事争议仲裁委员会';
  const year = shanghaiDay(s.t).slice(0, 4);
  const externalCaseNumber = `京劳人仲字[${year}]第${s.rng.int(100, 9999)}号`;
  s.waitHours(10 * 24, 0.5);
  const filedOn = shanghaiDay(s.t);
  stage(s, cast, { stage: LegalStage.Arbitration, forum, externalCaseNumber, filedOn });
  s.waitHours(45 * 24, 0.3);
  const r = s.rng.float();
  const decidedOn = shanghaiDay(s.t);
  if (r >= 0.65) {
    // Settled before the award, or the claim failed.
    stage(s, cast, { stage: LegalStage.Arbitration, forum, externalCaseNumber, filedOn, decidedOn });
    if (r < 0.9) {
      s.waitHours(10 * 24, 0.5);
      pay(s, handler(s, cast), Math.round(s.row.claimedFen * s.rng.uniform(0.5, 0.9)));
    }
    finish(s, cast, r < 0.9 ? CaseOutcome.Settled : CaseOutcome.Unresolved, 1);
    return;
  }
  let awarded = Math.round(s.row.claimedFen * s.rng.uniform(0.5, 1));
  stage(s, cast, { stage: LegalStage.Arbitration, forum, externalCaseNumber, filedOn, decidedOn, awarded });
  const litigated = s.rng.chance(0.2);
  if (litigated) {
    s.waitHours(12 * 24, 0.3);
    const court = {
      stage: LegalStage.Litigation,
      forum: '人民法院',
      externalCaseNumber: `(${year})京民初${s.rng.int(100, 9999)}号`,
    };
    stage(s, cast, { ...court, filedOn: shanghaiDay(s.t) });
    s.waitHours(100 * 24, 0.4);
    awarded = Math.min(s.row.claimedFen, Math.round(awarded * s.rng.uniform(0.85, 1.05)));
    stage(s, cast, { ...court, decidedOn: shanghaiDay(s.t), awarded });
  }
  if (s.rng.chance(0.7)) {
    s.waitHours(20 * 24, 0.5);
    pay(s, handler(s, cast), s.rng.chance(0.9) ? awarded : Math.round(awarded * s.rng.uniform(0.3, 0.8)));
  } else {
    s.waitHours(20 * 24, 0.3);
    stage(s, cast, {
      stage: LegalStage.Enforcement,
      forum: '人民法院',
      externalCaseNumber: `(${year})京执${s.rng.int(100, 9999)}号`,
      filedOn: shanghaiDay(s.t),
    });
    s.waitHours(90 * 24, 0.6);
    if (s.rng.chance(0.85)) pay(s, cast.legal, Math.round(awarded * s.rng.uniform(0.4, 1)), Payer.CourtEnforcement);
  }
  const recovered = s.row.recoveredFen;
  const won = litigated ? CaseOutcome.CourtJudgment : CaseOutcome.ArbitrationAward;
  const outcome =
    recovered >= awarded * 0.95 ? won : recovered > 0 ? CaseOutcome.PartiallyResolved : CaseOutcome.Unresolved;
  finish(s, cast, outcome, 1);
}

interface StageInput {
  stage: LegalStage;
  forum: string;
  externalCaseNumber: string;
  filedOn?: string;
  decidedOn?: string;
  awarded?: number;
}

function stage(s: Story, cast: Cast, d: StageInput): void {
  const awardedFen = d.awarded === undefined ? null : String(d.awarded);
  s.out.stages.push({
    id: s.rng.uuid(),
    caseId: s.row.id,
    stage: d.stage,
    forum: d.forum,
    externalCaseNumber: d.externalCaseNumber,
    filedOn: d.filedOn ?? null,
    hearingOn: d.decidedOn ?? null,
    decidedOn: d.decidedOn ?? null,
    awardedFen: d.awarded ?? null,
    recordedBy: cast.legal,
    createdAt: s.t,
  });
  s.apply(
    CaseEventType.StageRecorded,
    cast.legal,
    { stage: d.stage, forum: d.forum, filedOn: d.filedOn ?? null, decidedOn: d.decidedOn ?? null, awardedFen },
    { legalStage: d.stage, ...(d.awarded === undefined ? {} : { awardedFen: d.awarded }) },
  );
}
