import { Role } from 'src/auth/role';
import { CaseStatus } from 'src/cases/case.enums';
import { CaseCommand, WORKFLOW } from 'src/workflow/workflow.definition';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

const ACTOR: Record<Role, FixtureUser> = {
  [Role.Operator]: 'operator_city',
  [Role.Dispatcher]: 'dispatcher_city',
  [Role.Mediator]: 'mediator_city',
  [Role.LegalAid]: 'legal_city',
  [Role.Leader]: 'leader_city',
  [Role.Admin]: 'admin_city',
};

describe('the declared workflow, command × status × role', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let db: DataSource;
  let caseId: string;
  let otherCaseId: string;
  let paymentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    db = t.app.get(DataSource);
    const token = await fx.token('operator_city');
    const body = { ...validCaseBody(), orgUnitId: fx.units.streetA1.id };
    caseId = (await t.http.post<{ id: string }>('/cases', body, { token })).body.id;
    otherCaseId = (await t.http.post<{ id: string }>('/cases', body, { token })).body.id;
    // A ledger entry for correct_payment to correct (written directly: the matrix is about transitions).
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO payment (case_id, amount_fen, paid_on, payer, recorded_by) VALUES ($1, 10000, '2026-11-01', 'employer', $2) RETURNING id`,
      [caseId, fx.userId('mediator_a1')],
    );
    paymentId = row?.id ?? '';
    // Log every actor in now: a login writes an audit entry, which must not land inside a snapshot.
    for (const user of Object.values(ACTOR)) await fx.token(user);
  });

  afterAll(async () => {
    await t.close();
  });

  /** Puts the case in `status` with every precondition of the commands from there satisfied. */
  async function reset(status: CaseStatus): Promise<number> {
    const closed = status === CaseStatus.Closed;
    const rows = await db.query<{ version: number }[]>(
      `WITH changed AS (UPDATE "case" SET status = $2, org_unit_id = $3, owner_path = $4, assignee_id = $5, dispatched_from_unit_id = $6,
              outcome = $7, proposed_outcome = $8, closed_at = $9, last_callback_result = $10,
              legal_aid_eligible = true, legal_stage = 'assessment'
        WHERE id = $1 RETURNING version) SELECT version FROM changed`,
      [
        caseId,
        status,
        fx.units.streetA1.id,
        fx.units.streetA1.path,
        fx.userId('mediator_a1'),
        fx.units.city.id,
        closed ? 'settled' : null,
        status === CaseStatus.Resolved ? 'settled' : null,
        closed ? new Date() : null,
        closed ? 'dissatisfied' : null,
      ],
    );
    return rows[0]?.version ?? 0;
  }

  function body(command: CaseCommand, version: number): Record<string, unknown> {
    const reason = { reason: '测试原因', version };
    switch (command) {
      case CaseCommand.Classify:
        return { kind: 'labour_dispute', category: 'wage_arrears', priority: 'normal', version };
      case CaseCommand.Dispatch:
        return { orgUnitId: fx.units.streetA2.id, assigneeId: fx.userId('mediator_a2'), version };
      case CaseCommand.Transfer:
        return { orgUnitId: fx.units.streetA2.id, ...reason };
      case CaseCommand.Reassign:
        return { assigneeId: fx.userId('mediator_a1'), ...reason };
      case CaseCommand.Urge:
        return { note: '请尽快处理', version };
      case CaseCommand.RecordContact:
        return { with: 'worker', method: 'phone', version };
      case CaseCommand.ProposeClosure:
        return { outcome: 'settled', version };
      case CaseCommand.Close:
        return { outcome: 'settled', amountsConfirmed: true, version };
      case CaseCommand.StartMediation:
        return { version };
      case CaseCommand.RecordSession:
        return {
          sessionDate: '2026-11-25',
          place: '调解室',
          partiesPresent: ['劳动者'],
          result: 'no_agreement',
          version,
        };
      case CaseCommand.RecordAgreement:
        return { amount: '10000', instalments: [{ dueOn: '2026-12-31', amount: '10000.00' }], version };
      case CaseCommand.RecordNoAgreement:
      case CaseCommand.ReferLegalAid:
        return reason;
      case CaseCommand.DecideEligibility:
        return { eligible: true, reason: '符合条件', version };
      case CaseCommand.RecordStage:
        return { stage: 'arbitration', forum: '仲裁委', filedOn: '2026-11-20', version };
      case CaseCommand.RecordPayment:
        return { amount: '100.00', paidOn: '2026-11-20', payer: 'employer', version };
      case CaseCommand.CorrectPayment:
        return { correctsPaymentId: paymentId, amount: '1.00', reason: '更正', version };
      case CaseCommand.Duplicate:
        return { originalCaseId: otherCaseId, ...reason };
      case CaseCommand.RecordCallback:
        return { result: 'satisfied', version };
      case CaseCommand.Return:
      case CaseCommand.Withdraw:
      case CaseCommand.NotAccepted:
      case CaseCommand.Reopen:
        return reason;
      case CaseCommand.Accept:
      case CaseCommand.AnswerAtIntake:
        return { version };
    }
  }

  /** The case row and the row counts of everything a command may write. */
  const snapshot = async () =>
    JSON.stringify(
      await db.query(
        `SELECT c.*,
                (SELECT count(*) FROM case_event) AS events, (SELECT count(*) FROM payment) AS payments,
                (SELECT count(*) FROM case_callback) AS callbacks, (SELECT count(*) FROM mediation_session) AS sessions,
                (SELECT count(*) FROM case_instalment) AS instalments, (SELECT count(*) FROM legal_aid_stage) AS stages,
                (SELECT count(*) FROM case_link) AS links, (SELECT count(*) FROM notification) AS notifications,
                (SELECT count(*) FROM audit_entry) AS audit
           FROM "case" c WHERE c.id = $1`,
        [caseId],
      ),
    );

  it('exactly the declared transitions succeed; everything else is 403 or 409 and changes nothing', async () => {
    const mismatches: string[] = [];
    let succeeded = 0;
    for (const command of Object.values(CaseCommand)) {
      const rule = WORKFLOW[command];
      for (const status of Object.values(CaseStatus)) {
        for (const role of Object.values(Role)) {
          const version = await reset(status);
          const before = await snapshot();
          const res = await t.http.post<{ status?: string; version?: number; code?: string }>(
            `/cases/${caseId}/${command.replace(/_/g, '-')}`,
            body(command, version),
            { token: await fx.token(ACTOR[role]) },
          );
          const roleOk = rule.roles.includes(role);
          const statusOk = rule.from.includes(status);
          const label = `${command} from ${status} as ${role}`;
          if (roleOk && statusOk) {
            const expected = rule.to ?? status;
            if (res.status !== 200 || res.body.status !== expected || res.body.version !== version + 1) {
              mismatches.push(
                `${label}: expected 200 → ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
              );
            } else succeeded += 1;
          } else {
            const expectedStatus = roleOk ? 409 : 403;
            if (res.status !== expectedStatus)
              mismatches.push(`${label}: expected ${expectedStatus}, got ${res.status}`);
            if ((await snapshot()) !== before) mismatches.push(`${label}: the case changed`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(succeeded).toBeGreaterThan(40);
  });

  it('an illegal command answers 409 with the current status and the commands allowed now', async () => {
    const version = await reset(CaseStatus.Triaged);
    const res = await t.http.post<{ code: string; details: { status: string; allowedCommands: string[] } }>(
      `/cases/${caseId}/accept`,
      { version },
      { token: await fx.token('mediator_city') },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    expect(res.body.details.status).toBe('triaged');
    expect(res.body.details.allowedCommands).toEqual([]);
    const asDispatcher = await t.http.post<{ details: { allowedCommands: string[] } }>(
      `/cases/${caseId}/accept`,
      { version },
      { token: await fx.token('dispatcher_city') },
    );
    expect(asDispatcher.status).toBe(403);
    const operator = await t.http.post<{ details: { allowedCommands: string[] } }>(
      `/cases/${caseId}/close`,
      { version, outcome: 'settled', amountsConfirmed: true },
      { token: await fx.token('dispatcher_city') },
    );
    expect(operator.body.details.allowedCommands.sort()).toEqual([
      'classify',
      'dispatch',
      'duplicate',
      'not_accepted',
      'urge',
      'withdraw',
    ]);
  });
});
