import { createIdentityFixture, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface Page<T> {
  items: T[];
  total: number;
}
interface Party {
  id: string;
  orgUnitId: string;
}

describe('subtree scope', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  const parties: Record<'a1' | 'a2' | 'b1', string> = { a1: '', a2: '', b1: '' };

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    const create = async (user: FixtureUser, orgUnitId: string, phone: string) => {
      const res = await t.http.post<Party>(
        '/parties',
        { name: '张三', phone, orgUnitId },
        { token: await fx.token(user) },
      );
      if (res.status !== 201) throw new Error(`create party: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    };
    parties.a1 = await create('mediator_a1', fx.units.streetA1.id, '13700000001');
    parties.a2 = await create('operator_a', fx.units.streetA2.id, '13700000002');
    parties.b1 = await create('mediator_b1', fx.units.streetB1.id, '13700000001');
  });

  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(user: FixtureUser, path: string) => t.http.get<T>(path, { token: await fx.token(user) });

  it('a sibling unit gets 404 for the record, never 403', async () => {
    expect((await get('mediator_a2', `/parties/${parties.a1}`)).status).toBe(404);
    expect((await get('mediator_b1', `/parties/${parties.a1}`)).status).toBe(404);
    expect((await get('mediator_a1', `/parties/${parties.a1}`)).status).toBe(200);
  });

  it('another district sees neither the record nor its count in lists', async () => {
    const list = await get<Page<Party>>('mediator_b1', '/parties');
    expect(list.body.items.map((p) => p.id)).toEqual([parties.b1]);
    expect(list.body.total).toBe(1);
  });

  it("a parent unit's user sees its children's records, and only those", async () => {
    const district = await get<Page<Party>>('leader_a', '/parties');
    expect(district.body.items.map((p) => p.id).sort()).toEqual([parties.a1, parties.a2].sort());
    expect(district.body.total).toBe(2);
    expect((await get('leader_a', `/parties/${parties.b1}`)).status).toBe(404);
    const city = await get<Page<Party>>('leader_city', '/parties');
    expect(city.body.total).toBe(3);
  });

  it('lookup by phone only finds parties in scope', async () => {
    const lookup = async (user: FixtureUser) =>
      (await t.http.post<Party[]>('/parties/lookup', { phone: '13700000001' }, { token: await fx.token(user) })).body;
    expect((await lookup('mediator_a1')).map((p) => p.id)).toEqual([parties.a1]);
    expect((await lookup('mediator_b1')).map((p) => p.id)).toEqual([parties.b1]);
    expect((await lookup('operator_city')).map((p) => p.id).sort()).toEqual([parties.a1, parties.b1].sort());
  });

  it('a party cannot be created in a unit outside the caller’s subtree', async () => {
    const res = await t.http.post(
      '/parties',
      { name: '李四', orgUnitId: fx.units.streetB1.id },
      { token: await fx.token('mediator_a1') },
    );
    expect(res.status).toBe(404);
  });

  it('org units, users and audit entries are scoped the same way', async () => {
    const units = await get<Page<{ id: string }>>('admin_a', '/org-units?limit=100');
    expect(units.body.total).toBe(3);
    expect((await get('admin_a', `/org-units/${fx.units.districtB.id}`)).status).toBe(404);
    expect((await get('admin_a', `/org-units/${fx.units.streetA2.id}`)).status).toBe(200);

    const users = await get<Page<{ username: string }>>('admin_a', '/admin/users?limit=100');
    expect(users.body.items.map((u) => u.username)).not.toContain('mediator_b1');
    expect(users.body.items.map((u) => u.username)).toContain('mediator_a1');
    expect(users.body.total).toBe(users.body.items.length);
    expect((await get('admin_a', `/admin/users/${fx.userId('mediator_b1')}`)).status).toBe(404);
    expect((await get('admin_city', `/admin/users/${fx.userId('mediator_b1')}`)).status).toBe(200);

    const audit = await get<{ items: { targetId: string | null }[] }>('admin_a', '/admin/audit?limit=100');
    const targets = audit.body.items.map((entry) => entry.targetId);
    expect(targets).toContain(parties.a1);
    expect(targets).not.toContain(parties.b1);
  });

  it('an admin cannot place a user or a unit outside the subtree', async () => {
    const token = await fx.token('admin_a');
    const user = await t.http.post(
      '/admin/users',
      {
        username: 'sneaky',
        displayName: 'x',
        password: 'long-enough-pw',
        roles: ['admin'],
        orgUnitId: fx.units.city.id,
      },
      { token },
    );
    expect(user.status).toBe(404);
    const unit = await t.http.post(
      '/admin/org-units',
      { code: 'T-X', nameZh: '新', nameEn: 'New', kind: 'street', parentId: fx.units.districtB.id },
      { token },
    );
    expect(unit.status).toBe(404);
    const ok = await t.http.post<{ depth: number }>(
      '/admin/org-units',
      { code: 'T-A3', nameZh: '新街道', nameEn: 'New street', kind: 'street', parentId: fx.units.districtA.id },
      { token },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.depth).toBe(2);
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const token = await fx.token('admin_city');
    const unit = await t.http.get<{ version: number }>(`/org-units/${fx.units.streetA1.id}`, { token });
    const first = await t.http.patch(
      `/admin/org-units/${fx.units.streetA1.id}`,
      { nameZh: '甲', version: unit.body.version },
      { token },
    );
    expect(first.status).toBe(200);
    const stale = await t.http.patch<{ code: string }>(
      `/admin/org-units/${fx.units.streetA1.id}`,
      { nameZh: '乙', version: unit.body.version },
      { token },
    );
    expect(stale.status).toBe(409);
    const after = await t.http.get<{ nameZh: string }>(`/org-units/${fx.units.streetA1.id}`, { token });
    expect(after.body.nameZh).toBe('甲');
  });
});
