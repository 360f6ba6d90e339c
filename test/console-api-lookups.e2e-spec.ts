import { Role } from 'src/auth/role';
import { creditCodeCheckChar } from 'src/common/validation/china-ids';
import { UserRepository } from 'src/users/user.repository';
import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { HttpClient } from 'test/helpers/http-client';
import { validCallBody, validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface CallSummary {
  id: string;
  startedAt: string;
  disposition: string;
  summary: string | null;
  caseId: string | null;
  caseNumber: string | null;
  callerName: string | null;
}
interface Suggestion {
  id: string;
  name: string;
  creditCode: string | null;
}
interface StaffMember {
  id: string;
  displayName: string;
  roles: string[];
}
interface ErrorBody {
  code: string;
  details?: { field: string; reasons: string[] }[];
}

const creditCode = (first17: string): string => first17 + creditCodeCheckChar(first17);
const CODE_BJ = creditCode('91110108MA01MT001');
const CODE_SH = creditCode('91310000MA1HK0002');

describe('look-ups for the console: my calls, employers, a unit’s staff', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let as: (user: FixtureUser) => Promise<HttpClient>;
  const fieldsOf = (body: ErrorBody) => body.details?.map((d) => d.field);

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    as = async (user) => t.http.withToken(await fx.token(user));
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET /me/calls', () => {
    const log = async (user: FixtureUser, body: Record<string, unknown>) => {
      const res = await (await as(user)).post<{ id: string; caseId: string | null }>('/calls', body);
      expect(res.status).toBe(201);
      return res.body;
    };
    const calls: Record<'created' | 'abandoned' | 'attached', { id: string; caseId: string | null }> = {
      created: { id: '', caseId: null },
      abandoned: { id: '', caseId: null },
      attached: { id: '', caseId: null },
    };

    beforeAll(async () => {
      // Logged out of order: the list follows when the calls started, not when they were written down.
      calls.created = await log('operator_city', { ...validCallBody(), startedAt: '2026-11-20T09:30:00+08:00' });
      calls.attached = await log('operator_city', {
        channel: 'hotline',
        startedAt: '2026-11-22T10:00:00+08:00',
        summary: '来电人询问案件进展。',
        disposition: 'attached_to_case',
        caseId: calls.created.caseId,
      });
      calls.abandoned = await log('operator_city', {
        channel: 'hotline',
        startedAt: '2026-11-21T08:00:00+08:00',
        summary: '来电未接通即挂断。',
        disposition: 'abandoned',
      });
      await log('dispatcher_city', { ...validCallBody(), startedAt: '2026-11-23T09:00:00+08:00', endedAt: undefined });
    });

    it('lists the calls the operator logged, newest first, with the case number and the caller’s name', async () => {
      const res = await (await as('operator_city')).get<{ items: CallSummary[] }>('/me/calls');
      expect(res.status).toBe(200);
      expect(res.body.items.map((c) => c.id)).toEqual([calls.attached.id, calls.abandoned.id, calls.created.id]);
      const number = (await (await as('operator_city')).get<{ number: string }>(`/cases/${calls.created.caseId}`)).body
        .number;
      expect(res.body.items[2]).toEqual({
        id: calls.created.id,
        startedAt: '2026-11-20T01:30:00.000Z',
        disposition: 'case_created',
        summary: '来电人称被拖欠工资，要求维权。',
        caseId: calls.created.caseId,
        caseNumber: number,
        callerName: '王小明',
      });
      expect(res.body.items[0]).toMatchObject({
        disposition: 'attached_to_case',
        caseNumber: number,
        callerName: null,
      });
      expect(res.body.items[1]).toMatchObject({ disposition: 'abandoned', caseId: null, caseNumber: null });
    });

    it('shows no phone number, not even masked', async () => {
      const res = await (await as('operator_city')).get<{ items: CallSummary[] }>('/me/calls');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('13912345678');
      expect(text).not.toContain('****');
      expect(Object.keys(res.body.items[2] ?? {}).sort()).toEqual(
        ['caseId', 'caseNumber', 'callerName', 'disposition', 'id', 'startedAt', 'summary'].sort(),
      );
    });

    it('takes a limit of 1–100 and is only for those who take calls', async () => {
      const two = await (await as('operator_city')).get<{ items: CallSummary[] }>('/me/calls?limit=2');
      expect(two.body.items.map((c) => c.id)).toEqual([calls.attached.id, calls.abandoned.id]);
      for (const limit of ['0', '101', 'lots']) {
        const res = await (await as('operator_city')).get<ErrorBody>(`/me/calls?limit=${limit}`);
        expect({ limit, status: res.status, fields: fieldsOf(res.body) }).toEqual({
          limit,
          status: 400,
          fields: ['limit'],
        });
      }
      const dispatcher = await (await as('dispatcher_city')).get<{ items: CallSummary[] }>('/me/calls');
      expect(dispatcher.body.items).toHaveLength(1);
      expect((await (await as('mediator_a1')).get('/me/calls')).status).toBe(403);
    });
  });

  describe('GET /employers?q=', () => {
    const employers: Record<'bjMeituan' | 'meituanStation' | 'meituan' | 'shMeituan', string> = {
      bjMeituan: '',
      meituanStation: '',
      meituan: '',
      shMeituan: '',
    };
    /** A case about this employer, owned by `unit` (the city operator may open one anywhere in the city). */
    const caseAbout = async (employer: Record<string, string>, unit: keyof IdentityFixture['units']) => {
      const res = await (
        await as('operator_city')
      ).post<{ employer: { id: string } }>('/cases', { ...validCaseBody(), employer, orgUnitId: fx.units[unit].id });
      expect(res.status).toBe(201);
      return res.body.employer.id;
    };
    const suggest = async (user: FixtureUser, q: string) =>
      (await as(user)).get<Suggestion[] & ErrorBody>(`/employers?q=${encodeURIComponent(q)}`);
    const names = async (user: FixtureUser, q: string) => {
      const res = await suggest(user, q);
      expect(res.status).toBe(200);
      return res.body.map((e) => e.name);
    };

    beforeAll(async () => {
      employers.bjMeituan = await caseAbout({ name: '北京美团科技有限公司', creditCode: CODE_BJ }, 'streetA1');
      employers.meituanStation = await caseAbout({ name: '美团外卖配送站' }, 'districtA');
      employers.meituan = await caseAbout({ name: '美团有限公司' }, 'streetA2');
      employers.shMeituan = await caseAbout({ name: '上海美团点评有限公司', creditCode: CODE_SH }, 'streetB1');
      await caseAbout({ name: '北京不相干物流有限公司' }, 'streetA1');
    });

    it('ranks an exact name first, then names that start with q, then the closest names that contain it', async () => {
      expect(await names('leader_city', '美团')).toEqual([
        '美团有限公司',
        '美团外卖配送站',
        '上海美团点评有限公司',
        '北京美团科技有限公司',
      ]);
      const res = await suggest('leader_city', '美团有限公司');
      expect(res.body[0]).toEqual({ id: employers.meituan, name: '美团有限公司', creditCode: null });
    });

    it('finds an employer by the start of its credit code, in any case, but not by the middle of it', async () => {
      const res = await suggest('leader_city', CODE_BJ.slice(0, 10).toLowerCase());
      expect(res.body).toEqual([{ id: employers.bjMeituan, name: '北京美团科技有限公司', creditCode: CODE_BJ }]);
      expect(await names('leader_city', CODE_BJ.slice(8, 14))).toEqual([]);
    });

    it('lists only employers with a case in the caller’s scope', async () => {
      expect(await names('leader_a', '美团')).toEqual(['美团有限公司', '美团外卖配送站', '北京美团科技有限公司']);
      expect(await names('mediator_b1', '美团')).toEqual(['上海美团点评有限公司']);
      expect(await names('mediator_b1', CODE_BJ.slice(0, 10))).toEqual([]);
    });

    it('treats LIKE wildcards as the characters they are', async () => {
      expect(await names('leader_city', '%')).toEqual([]);
      expect(await names('leader_city', '_')).toEqual([]);
      expect(await names('leader_city', '美_')).toEqual([]);
    });

    it('answers at most 10', async () => {
      for (let i = 0; i < 11; i++) await caseAbout({ name: `测试单位${String(i).padStart(2, '0')}号` }, 'streetA1');
      const found = await names('leader_city', '测试单位');
      expect(found).toHaveLength(10);
      expect(found[0]).toBe('测试单位00号');
    });

    it('needs q of 1–100 characters', async () => {
      for (const path of ['/employers', '/employers?q=', `/employers?q=${'字'.repeat(101)}`]) {
        const res = await (await as('leader_city')).get<ErrorBody>(encodeURI(path));
        expect({ path, status: res.status, fields: fieldsOf(res.body) }).toEqual({ path, status: 400, fields: ['q'] });
      }
    });
  });

  describe('GET /org-units/{id}/staff', () => {
    const staff = async (user: FixtureUser, path: string) => (await as(user)).get<StaffMember[] & ErrorBody>(path);

    beforeAll(async () => {
      const users = t.app.get(UserRepository);
      const add = (username: string, displayName: string, roles: Role[]) =>
        users.insert({ username, displayName, passwordHash: 'x', roles, orgUnitId: fx.units.streetA1.id });
      await add('wangwu', '王五', [Role.Mediator]);
      await add('chenliu', '陈六', [Role.Mediator, Role.LegalAid]);
      const gone = await add('zhaoqi', '赵七', [Role.LegalAid]);
      await users.update(gone.id, gone.version, { active: false });
    });

    it('lists the active accounts whose home unit it is, by display name, without usernames', async () => {
      const res = await staff('dispatcher_a', `/org-units/${fx.units.streetA1.id}/staff`);
      expect(res.status).toBe(200);
      expect(res.body.map((m) => m.displayName)).toEqual(['mediator_a1', '王五', '陈六']);
      expect(res.body[2]).toEqual({
        id: expect.any(String) as string,
        displayName: '陈六',
        roles: ['mediator', 'legal_aid'],
      });
      // The district's own people only, not the streets' below it.
      const district = await staff('dispatcher_a', `/org-units/${fx.units.districtA.id}/staff`);
      expect(district.body.map((m) => m.id)).toContain(fx.userId('dispatcher_a'));
      expect(district.body.map((m) => m.id)).not.toContain(fx.userId('mediator_a1'));
    });

    it('narrows to one role', async () => {
      const res = await staff('dispatcher_a', `/org-units/${fx.units.streetA1.id}/staff?role=legal_aid`);
      expect(res.body.map((m) => m.displayName)).toEqual(['陈六']);
      const bad = await staff('dispatcher_a', `/org-units/${fx.units.streetA1.id}/staff?role=boss`);
      expect({ status: bad.status, fields: fieldsOf(bad.body) }).toEqual({ status: 400, fields: ['role'] });
    });

    it('is a 404 for a unit outside the caller’s subtree', async () => {
      expect((await staff('mediator_b1', `/org-units/${fx.units.streetA1.id}/staff`)).status).toBe(404);
      expect((await staff('dispatcher_a', `/org-units/${fx.units.city.id}/staff`)).status).toBe(404);
      expect((await staff('dispatcher_city', `/org-units/${fx.units.streetA1.id}/staff`)).status).toBe(200);
    });
  });
});
