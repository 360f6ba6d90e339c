import fc from 'fast-check';
import { isYuanString } from 'src/common/money/money';
import { isChineseMobile, isResidentIdNumber, isUnifiedSocialCreditCode } from 'src/common/validation/china-ids';
import { createIdentityFixture } from 'test/helpers/identity-fixture';
import { validCallBody, validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

type Body = Record<string, unknown>;
type Mutation = (body: Body) => Body;

const TABLES = ['case', 'call', 'party', 'employer', 'case_event', 'case_claim', 'idempotency_key', 'audit_entry'];

/** Sets a value at a dotted path (`case.claims.0.amount`); a path an earlier mutation removed is left alone. */
function setAt(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  const last = keys.at(-1) ?? '';
  if (value === DELETE) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({ a: 1 }),
);
const badPhone = fc.oneof(
  fc.constantFrom('12345678901', '1381234567', '138123456789', '+1 650 555 0100', '010-12345678', '', 'phone'),
  fc.string({ maxLength: 20 }).filter((s) => !isChineseMobile(s)),
);
const badId = fc.oneof(
  fc.stringMatching(/^[1-9]\d{16}[0-9X]$/).filter((s) => !isResidentIdNumber(s)),
  fc.constantFrom('110105491231002', '11010519491231002A', ''),
);
const badCreditCode = fc.oneof(
  fc.stringMatching(/^[0-9A-Z]{18}$/).filter((s) => !isUnifiedSocialCreditCode(s)),
  fc.constantFrom('91350100M000100Y4', 'not-a-code', ''),
);
const badMoney = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom('1e5', '-1', '-0.01', '1.234', '', ' 1', '1,000', '¥100', '0x10', 'Infinity', '1000000000000'),
  fc.string({ maxLength: 12 }).filter((s) => !isYuanString(s)),
);
const notAnEnum = fc.string({ maxLength: 15 }).filter((s) => !/^[a-z_]+$/.test(s) || s.length < 3);
const unknownKey = fc.stringMatching(/^[a-z]{3,12}$/).map((k) => `x_${k}`);

/** Mutations that make a valid body invalid, each for a reason a caller could really produce. */
function mutations(prefix: string): fc.Arbitrary<Mutation> {
  const p = (path: string) => (prefix ? `${prefix}.${path}` : path);
  return fc.oneof(
    fc.constantFrom(p('kind'), p('category'), p('narrative')).map(
      (path): Mutation =>
        (b) =>
          setAt(b, path, DELETE),
    ),
    fc
      .tuple(fc.constantFrom(p('kind'), p('category'), p('narrative'), p('workersAffected'), p('claims')), wrongType)
      // null on an optional field means "not given" (docs/intake.md), so it is a wrong type only where required.
      .filter(([path, v]) => v !== null || !(path.endsWith('workersAffected') || path.endsWith('claims')))
      .map(
        ([path, v]): Mutation =>
          (b) =>
            setAt(b, path, v),
      ),
    fc.constantFrom(0, -3, 1.5, 100001).map(
      (v): Mutation =>
        (b) =>
          setAt(b, p('workersAffected'), v),
    ),
    fc.constantFrom(p('narrative'), p('employer.name')).map(
      (path): Mutation =>
        (b) =>
          setAt(b, path, 'x'.repeat(10001)),
    ),
    fc.constant<Mutation>((b) => setAt(b, p('narrative'), '')),
    // PostgreSQL cannot store NUL in text or jsonb: without the check these were 500s after part of the write.
    fc.tuple(fc.constantFrom(p('narrative'), p('employer.name'), p('claims.0.note')), fc.string(), fc.string()).map(
      ([path, before, after]): Mutation =>
        (b) =>
          setAt(b, path, `${before}\u0000${after}`),
    ),
    fc.tuple(fc.constantFrom(p('kind'), p('category'), p('priority'), p('claims.0.type')), notAnEnum).map(
      ([path, v]): Mutation =>
        (b) =>
          setAt(b, path, v),
    ),
    badCreditCode.map(
      (v): Mutation =>
        (b) =>
          setAt(b, p('employer.creditCode'), v),
    ),
    badMoney.map(
      (v): Mutation =>
        (b) =>
          setAt(b, p('claims.0.amount'), v),
    ),
    fc.constantFrom('2026-13-01', '2026/09/01', 'yesterday', '').map(
      (v): Mutation =>
        (b) =>
          setAt(b, p('disputeArisenOn'), v),
    ),
    unknownKey.map(
      (k): Mutation =>
        (b) =>
          setAt(b, p(k), 'surprise'),
    ),
    unknownKey.map(
      (k): Mutation =>
        (b) =>
          setAt(b, p(`claims.0.${k}`), 1),
    ),
  );
}

const partyMutations = (path: string): fc.Arbitrary<Mutation> =>
  fc.oneof(
    badPhone.map(
      (v): Mutation =>
        (b) =>
          setAt(b, `${path}.phone`, v),
    ),
    badId.map(
      (v): Mutation =>
        (b) =>
          setAt(b, `${path}.idNumber`, v),
    ),
    fc.constant<Mutation>((b) => setAt(b, `${path}.name`, 'x'.repeat(101))),
    fc.constant<Mutation>((b) => setAt(b, `${path}.partyId`, 'not-a-uuid')),
    unknownKey.map(
      (k): Mutation =>
        (b) =>
          setAt(b, `${path}.${k}`, true),
    ),
  );

const callOnlyMutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom('channel', 'startedAt', 'summary', 'disposition').map(
    (path): Mutation =>
      (b) =>
        setAt(b, path, DELETE),
  ),
  fc.constantFrom('not a date', '2026-02-30T10:00:00Z', '').map(
    (v): Mutation =>
      (b) =>
        setAt(b, 'startedAt', v),
  ),
  notAnEnum.map(
    (v): Mutation =>
      (b) =>
        setAt(b, 'disposition', v),
  ),
  fc.constant<Mutation>((b) => setAt(b, 'case', DELETE)),
  fc.constant<Mutation>((b) => setAt(setAt(b, 'disposition', 'attached_to_case'), 'case', DELETE)),
  fc.constant<Mutation>((b) => setAt(b, 'summary', 'x'.repeat(4001))),
);

describe('1,000 generated bad intake payloads', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await (await createIdentityFixture(t)).token('operator_a');
  });

  afterAll(async () => {
    await t.close();
  });

  const counts = async () => {
    const db = t.app.get(DataSource);
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      result[table] = (await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? -1;
    }
    return result;
  };

  async function expectAll400(path: string, base: () => Body, mutation: fc.Arbitrary<Mutation>, runs: number) {
    const before = await counts();
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (chosen) => {
        const body = chosen.reduce((acc, mutate) => mutate(acc), base());
        const res = await t.http.post<{ code?: string; details?: unknown[] }>(path, body, { token });
        const ok = res.status === 400 && Array.isArray(res.body.details) && res.body.details.length > 0;
        if (!ok)
          failures.push(
            `${res.status} ${JSON.stringify(body).slice(0, 300)} → ${JSON.stringify(res.body).slice(0, 200)}`,
          );
        return ok;
      }),
      { numRuns: runs, seed: 20261120, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  }

  it('POST /cases: 500 bad bodies, all 400 with field details, nothing written', async () => {
    await expectAll400('/cases', validCaseBody, fc.oneof(mutations(''), partyMutations('worker')), 500);
  });

  it('POST /calls: 500 bad bodies, all 400 with field details, nothing written', async () => {
    await expectAll400(
      '/calls',
      validCallBody,
      fc.oneof(mutations('case'), partyMutations('caller'), callOnlyMutations),
      500,
    );
  });
});
