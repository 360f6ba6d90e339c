import { CaseEventType } from 'src/cases/case-event.entity';
import { CallbackResult, CaseOutcome, CaseStatus } from 'src/cases/case.enums';
import { agreementPaymentStatus } from 'src/workflow/effects/instalments';
import { Payer } from 'src/workflow/payment.entity';
import { DAY_MS } from 'src/sla/business-calendar';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { UnitRef } from 'src/seed/history/history.types';
import { Story } from 'src/seed/history/story';

/**
 * The workflow commands as the history uses them: each changes the case and writes the event data exactly as
 * the command's effect in src/workflow/effects does, so generated timelines look like real ones.
 */

export function dispatch(s: Story, by: string, target: UnitRef): void {
  s.apply(
    CaseEventType.Dispatched,
    by,
    { orgUnitId: target.id, assigneeId: null, note: null },
    {
      status: CaseStatus.Dispatched,
      orgUnitId: target.id,
      ownerPath: target.path,
      dispatchedFromUnitId: s.row.orgUnitId,
      assigneeId: null,
    },
  );
}

export function recordContact(s: Story, by: string, withWhom: 'worker' | 'employer'): void {
  const first = withWhom === 'worker' && s.row.firstWorkerContactAt === null;
  s.apply(
    CaseEventType.ContactRecorded,
    by,
    {
      with: withWhom,
      method: s.rng.pick(['phone', 'phone', 'phone', 'visit', 'message']),
      note: null,
      firstWorkerContact: first,
    },
    first ? { firstWorkerContactAt: s.t } : {},
  );
}

export function proposeClosure(s: Story, by: string, outcome: CaseOutcome): void {
  s.apply(
    CaseEventType.ClosureProposed,
    by,
    { outcome, note: null },
    { status: CaseStatus.Resolved, proposedOutcome: outcome },
  );
}

/** The dispatcher's closing checklist (ClosureEffects.checklist). */
export function close(s: Story, by: string): void {
  const outcome = s.row.proposedOutcome ?? CaseOutcome.Unresolved;
  const r = s.row;
  const data: Record<string, unknown> = {
    outcome,
    proposed: r.proposedOutcome,
    note: null,
    claimedFen: String(r.claimedFen),
    agreedFen: String(r.agreedFen),
    awardedFen: String(r.awardedFen),
    recoveredFen: String(r.recoveredFen),
  };
  if (outcome === CaseOutcome.MediationAgreement) {
    data.paymentStatus = agreementPaymentStatus(BigInt(r.agreedFen), BigInt(r.recoveredFen));
  }
  s.apply(CaseEventType.Closed, by, data, {
    status: CaseStatus.Closed,
    outcome,
    closedAt: s.t,
    proposedOutcome: null,
  });
}

/** The administrative closings (withdraw, not accepted, answered) with their own events. */
export function closeAs(
  s: Story,
  by: string,
  outcome: CaseOutcome,
  event: CaseEventType,
  data: Record<string, unknown> = {},
): void {
  s.apply(
    event,
    by,
    { outcome, ...data },
    { status: CaseStatus.Closed, outcome, closedAt: s.t, proposedOutcome: null },
  );
}

const PAYERS: Payer[] = [Payer.Employer, Payer.Employer, Payer.Employer, Payer.Guarantor, Payer.WageGuaranteeFund];

/**
 * A ledger entry (and, now and then, a mistyped one put right by a correcting entry a few days later: entries
 * are never edited). `recovered_fen` moves with each entry.
 */
export function pay(s: Story, by: string, amountFen: number, payer?: Payer): void {
  if (amountFen <= 0) return;
  const typo = s.rng.chance(0.015) ? Math.max(1, Math.round(amountFen * s.rng.pick([9, 0.1, 0.5]))) : 0;
  const paymentId = s.rng.uuid();
  // Paid a day or two before it is recorded, but not before the case came in.
  const paidOn = shanghaiDay(Math.max(s.row.receivedAt, s.t - s.rng.int(0, 2) * DAY_MS));
  const who = payer ?? (s.rng.chance(0.9) ? Payer.Employer : s.rng.pick(PAYERS));
  const recorded = amountFen + typo;
  s.out.payments.push({
    id: paymentId,
    caseId: s.row.id,
    amountFen: recorded,
    paidOn,
    payer: who,
    correctsId: null,
    reason: '',
    recordedBy: by,
    createdAt: s.t,
  });
  s.apply(
    CaseEventType.PaymentRecorded,
    by,
    { paymentId, amountFen: String(recorded), paidOn, payer: who },
    { recoveredFen: s.row.recoveredFen + recorded },
  );
  if (typo === 0) return;
  s.waitHours(30, 0.6);
  const correctionId = s.rng.uuid();
  const reason = '录入金额有误，按银行回单更正';
  s.out.payments.push({
    id: correctionId,
    caseId: s.row.id,
    amountFen: -typo,
    // PaymentEffects dates a correction with the Shanghai day it is recorded on.
    paidOn: shanghaiDay(s.t),
    payer: Payer.Other,
    correctsId: paymentId,
    reason,
    recordedBy: by,
    createdAt: s.t,
  });
  s.apply(
    CaseEventType.PaymentCorrected,
    by,
    { paymentId: correctionId, correctsPaymentId: paymentId, amountFen: String(-typo), reason },
    { recoveredFen: s.row.recoveredFen - typo },
  );
}

export function recordCallback(s: Story, by: string, result: CallbackResult): void {
  const attempts = result === CallbackResult.Unreachable ? s.rng.int(2, 3) : 1;
  s.out.callbacks.push({ id: s.rng.uuid(), caseId: s.row.id, result, attempts, recordedBy: by, recordedAt: s.t });
  s.apply(CaseEventType.CallbackRecorded, by, { result, attempts }, { lastCallbackResult: result });
}
