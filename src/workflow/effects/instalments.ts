import { DAY_MS } from 'src/sla/business-calendar';
import { shanghaiMidnight } from 'src/common/util/shanghai-time';

export const INSTALMENT_STATES = ['paid', 'due', 'overdue'] as const;
export type InstalmentState = (typeof INSTALMENT_STATES)[number];

export interface InstalmentView {
  seq: number;
  dueOn: string;
  amountFen: bigint;
  state: InstalmentState;
}

/**
 * Paid / due / overdue for an agreed schedule: the money recovered so far pays the instalments in due-date order;
 * an unpaid instalment whose date has passed (Asia/Shanghai calendar date, `today` as YYYY-MM-DD) is overdue.
 */
export function instalmentStates<T extends { seq: number; dueOn: string; amountFen: bigint }>(
  instalments: T[],
  recoveredFen: bigint,
  today: string,
): (T & InstalmentView)[] {
  let left = recoveredFen;
  return [...instalments]
    .sort((a, b) => (a.dueOn === b.dueOn ? a.seq - b.seq : a.dueOn < b.dueOn ? -1 : 1))
    .map((instalment) => {
      const paid = left >= instalment.amountFen;
      left = paid ? left - instalment.amountFen : 0n;
      const state: InstalmentState = paid ? 'paid' : instalment.dueOn < today ? 'overdue' : 'due';
      return { ...instalment, state };
    });
}

/** The agreement's payment status as the closing checklist states it. */
export function agreementPaymentStatus(agreedFen: bigint, recoveredFen: bigint): 'paid' | 'partially_paid' | 'unpaid' {
  if (recoveredFen <= 0n) return 'unpaid';
  return recoveredFen >= agreedFen ? 'paid' : 'partially_paid';
}

/** An instalment falls due at the end of its agreed day in Asia/Shanghai (midnight that starts the next day). */
export function instalmentDueAt(dueOn: string): Date {
  return new Date(shanghaiMidnight(dueOn) + DAY_MS);
}

/** Which instalments the money recovered so far pays (in due-date order), and which are still owed. */
export function splitPaid<T extends { seq: number; dueOn: string; amountFen: bigint }>(
  instalments: T[],
  recoveredFen: bigint,
): { paid: T[]; owed: T[] } {
  const states = instalmentStates(instalments, recoveredFen, '');
  return { paid: states.filter((s) => s.state === 'paid'), owed: states.filter((s) => s.state !== 'paid') };
}
