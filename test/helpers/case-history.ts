import fc from 'fast-check';
import { Client } from 'pg';
import { HttpClient } from 'test/helpers/http-client';
import { FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { TestApp } from 'test/helpers/test-app';

/** One random case history, played through the real API (and then, maybe, moved back in time). */
export interface CaseScript {
  desk: 'city' | 'a';
  kind: 'consultation' | 'complaint' | 'labour_dispute';
  category: 'wage_arrears' | 'social_insurance' | 'dismissal' | 'work_injury';
  channel: 'hotline' | 'walk_in' | 'online' | 'wechat';
  workers: number;
  claimYuan: number;
  route: 'answered' | 'open' | 'withdraw' | 'not_accepted' | 'negotiate' | 'mediate';
  toStreet: 'A1' | 'B1';
  contact: boolean;
  payments: { yuan: number; daysAgo: number }[];
  correctFirst: boolean;
  outcome: 'resolved_by_negotiation' | 'partially_resolved' | 'unresolved' | 'settled';
  callback: 'none' | 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'unreachable';
  reopen: boolean;
  /** Changes after intake that move the case's figures between groups and units. */
  reclassify: 'none' | 'dismissal' | 'complaint';
  editWorkers: number | null;
  editClaimYuan: number | null;
  transfer: boolean;
  shiftDays: number;
}

export const caseScript: fc.Arbitrary<CaseScript> = fc.record({
  desk: fc.constantFrom('city' as const, 'a' as const),
  kind: fc.constantFrom('consultation' as const, 'complaint' as const, 'labour_dispute' as const),
  category: fc.constantFrom(
    'wage_arrears' as const,
    'social_insurance' as const,
    'dismissal' as const,
    'work_injury' as const,
  ),
  channel: fc.constantFrom('hotline' as const, 'walk_in' as const, 'online' as const, 'wechat' as const),
  workers: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 40 })),
  claimYuan: fc.integer({ min: 100, max: 200000 }),
  route: fc.constantFrom(
    'answered' as const,
    'open' as const,
    'withdraw' as const,
    'not_accepted' as const,
    'negotiate' as const,
    'mediate' as const,
  ),
  toStreet: fc.constantFrom('A1' as const, 'B1' as const),
  contact: fc.boolean(),
  payments: fc.array(
    fc.record({ yuan: fc.integer({ min: 1, max: 50000 }), daysAgo: fc.integer({ min: 0, max: 90 }) }),
    {
      maxLength: 3,
    },
  ),
  correctFirst: fc.boolean(),
  outcome: fc.constantFrom(
    'resolved_by_negotiation' as const,
    'partially_resolved' as const,
    'unresolved' as const,
    'settled' as const,
  ),
  callback: fc.constantFrom(
    'none' as const,
    'satisfied' as const,
    'basically_satisfied' as const,
    'dissatisfied' as const,
    'unreachable' as const,
  ),
  reopen: fc.boolean(),
  reclassify: fc.constantFrom('none' as const, 'dismissal' as const, 'complaint' as const),
  editWorkers: fc.option(fc.integer({ min: 1, max: 30 })),
  editClaimYuan: fc.option(fc.integer({ min: 1, max: 90000 })),
  transfer: fc.boolean(),
  // Half the cases stay at today; the rest move back across months and years.
  shiftDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 800 })),
});

const day = (daysAgo: number): string => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** Plays a script through the API as the people who would do each step; returns the case id. */
export async function playScript(t: TestApp, fx: IdentityFixture, s: CaseScript): Promise<string> {
  const as = async (user: FixtureUser) => t.http.withToken(await fx.token(user));
  const operator = await as(s.desk === 'city' ? 'operator_city' : 'operator_a');
  const dispatcher = await as(s.desk === 'city' ? 'dispatcher_city' : 'dispatcher_a');
  const street = s.desk === 'a' || s.toStreet === 'A1' ? 'A1' : 'B1';
  const handler = await as(street === 'A1' ? 'mediator_a1' : 'mediator_b1');
  const { worker, ...body } = validCaseBody();
  const created = await operator.post<{ id: string; version: number }>('/cases', {
    ...body,
    worker,
    kind: s.kind,
    category: s.category,
    channel: s.channel,
    workersAffected: s.workers,
    priority: 'normal',
    claims: [{ type: 'unpaid_wages', amount: `${String(s.claimYuan)}.00` }],
  });
  if (created.status !== 201) throw new Error(`create: ${String(created.status)} ${JSON.stringify(created.body)}`);
  const id = created.body.id;
  let version = created.body.version;
  const step: Step = async (client, command, payload = {}) => {
    const res = await client.post<{ version: number; code?: string }>(`/cases/${id}/${command}`, {
      ...payload,
      version,
    });
    if (res.status !== 200) throw new Error(`${command}: ${String(res.status)} ${JSON.stringify(res.body)}`);
    version = res.body.version;
  };

  // Edits move the figures a case adds; on a case left open they are its last change (nothing refreshes it later).
  const edit = async () => {
    if (s.editWorkers !== null) {
      const res = await operator.patch<{ version: number }>(`/cases/${id}`, {
        workersAffected: s.editWorkers,
        version,
      });
      if (res.status !== 200) throw new Error(`edit: ${String(res.status)} ${JSON.stringify(res.body)}`);
      version = res.body.version;
    }
    if (s.editClaimYuan !== null) {
      const res = await operator.put<{ version: number }>(`/cases/${id}/claims`, {
        claims: [{ type: 'overtime', amount: `${String(s.editClaimYuan)}.50` }],
        version,
      });
      if (res.status !== 200) throw new Error(`claims: ${String(res.status)} ${JSON.stringify(res.body)}`);
      version = res.body.version;
    }
  };
  if (s.route !== 'open') await edit();
  if (s.route === 'answered') {
    await step(operator, 'answer-at-intake');
  } else {
    const kind = s.reclassify === 'complaint' ? 'complaint' : s.kind;
    const category = s.reclassify === 'dismissal' ? 'dismissal' : s.category;
    await step(operator, 'classify', { kind, category, priority: 'normal' });
    const target = street === 'A1' ? 'streetA1' : 'streetB1';
    // A transfer moves the case (and every figure it adds) to another union before anyone accepts it.
    const first = s.transfer ? (target === 'streetA1' ? 'streetA2' : 'streetA1') : target;
    await step(dispatcher, 'dispatch', { orgUnitId: fx.units[first].id });
    if (s.transfer) {
      const transferrer = await as(s.desk === 'city' ? 'dispatcher_city' : 'dispatcher_a');
      await step(transferrer, 'transfer', { orgUnitId: fx.units[target].id, reason: '属地管辖调整' });
      // Left waiting for acceptance: the transfer is the case's last change.
      if (s.route === 'open') {
        await edit();
        return id;
      }
    }
    if (s.route === 'not_accepted') {
      await step(dispatcher, 'not-accepted', { reason: '不属于工会受理范围' });
    } else {
      await step(handler, 'accept');
      if (s.contact) await step(handler, 'record-contact', { with: 'worker', method: 'phone' });
      if (s.route === 'withdraw') await step(dispatcher, 'withdraw', { reason: '职工撤回' });
      if (s.route === 'negotiate' || s.route === 'mediate') {
        await settle(s, step, handler, dispatcher, operator, id);
      }
    }
  }
  if (s.route === 'open') await edit();
  if (s.callback !== 'none' && (s.route === 'answered' || s.route === 'withdraw' || s.route === 'not_accepted')) {
    await step(operator, 'record-callback', callbackBody(s.callback));
  }
  return id;
}

/** An unreachable worker means several tries. */
const callbackBody = (result: string) => (result === 'unreachable' ? { result, attempts: 3 } : { result });

type Step = (client: HttpClient, command: string, payload?: Record<string, unknown>) => Promise<void>;

async function settle(
  s: CaseScript,
  step: Step,
  handler: HttpClient,
  dispatcher: HttpClient,
  operator: HttpClient,
  id: string,
): Promise<void> {
  let agreed = 0;
  if (s.route === 'mediate') {
    agreed = Math.max(1, Math.round(s.claimYuan / 2));
    await step(handler, 'start-mediation');
    await step(handler, 'record-agreement', { amount: `${String(agreed)}.00` });
  }
  let recovered = 0;
  for (const [i, p] of s.payments.entries()) {
    await step(handler, 'record-payment', {
      amount: `${String(p.yuan)}.00`,
      paidOn: day(p.daysAgo),
      payer: 'employer',
    });
    recovered += p.yuan;
    if (i === 0 && s.correctFirst) {
      const ledger = await handler.get<{ entries: { id: string }[] }>(`/cases/${id}/payments`);
      const first = ledger.body.entries[0]?.id ?? '';
      await step(handler, 'correct-payment', { correctsPaymentId: first, amount: '1.00', reason: '实际到账少1元' });
      recovered -= 1;
    }
  }
  const outcome = s.route === 'mediate' ? 'mediation_agreement' : s.outcome;
  const paymentStatus = recovered <= 0 ? 'unpaid' : recovered >= agreed ? 'paid' : 'partially_paid';
  const close = async () => {
    await step(handler, 'propose-closure', { outcome });
    await step(dispatcher, 'close', {
      outcome,
      amountsConfirmed: true,
      ...(outcome === 'mediation_agreement' ? { paymentStatus } : {}),
    });
  };
  await close();
  if (s.callback === 'none') return;
  await step(operator, 'record-callback', callbackBody(s.callback));
  if (s.callback === 'dissatisfied' && s.reopen) {
    await step(dispatcher, 'reopen', { reason: '回访不满意' });
    await close();
    await step(operator, 'record-callback', { result: 'satisfied' });
  }
}

/**
 * Moves a whole case back in time (every date on it and its clocks, callbacks and payments by the same number of
 * days), as a data correction would, and re-derives its report contribution through the same function the
 * triggers call.
 */
export async function shiftCase(db: Client, id: string, days: number): Promise<void> {
  const by = `make_interval(days => ${String(days)})`;
  await db.query('BEGIN');
  try {
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query(
      `UPDATE "case" SET received_at = received_at - ${by}, closed_at = closed_at - ${by},
         first_worker_contact_at = first_worker_contact_at - ${by} WHERE id = $1`,
      [id],
    );
    await db.query(
      `UPDATE case_timer SET started_at = started_at - ${by}, warn_at = warn_at - ${by}, due_at = due_at - ${by},
         paused_since = paused_since - ${by}, warned_at = warned_at - ${by}, met_at = met_at - ${by},
         breached_at = breached_at - ${by} WHERE case_id = $1`,
      [id],
    );
    await db.query(`UPDATE case_callback SET recorded_at = recorded_at - ${by} WHERE case_id = $1`, [id]);
    await db.query(`UPDATE payment SET paid_on = paid_on - ${String(days)} WHERE case_id = $1`, [id]);
    await db.query('SELECT report_refresh_case($1)', [id]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
