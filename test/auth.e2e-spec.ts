import { createIdentityFixture, IdentityFixture, TEST_PASSWORD } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

interface Pair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

describe('login, refresh rotation, logout', () => {
  let t: TestApp;
  let fx: IdentityFixture;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES_PER_USERNAME: '3' } });
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const login = (username: string, password = TEST_PASSWORD) =>
    t.http.post<Pair & { code?: string }>('/auth/login', { username, password });

  it('logs in, and the access token identifies the caller', async () => {
    const res = await login('Mediator_A1');
    expect(res.status).toBe(200);
    expect(res.body.expiresIn).toBe(900);
    const me = await t.http.get<{ username: string; roles: string[]; orgUnitId: string }>('/me', {
      token: res.body.accessToken,
    });
    expect(me.body).toMatchObject({ username: 'mediator_a1', roles: ['mediator'], orgUnitId: fx.units.streetA1.id });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody_here', 'whatever-password');
    const wrong = await login('leader_a', 'wrong-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.code).toBe(wrong.body.code);
    expect((unknown.body as unknown as { message: string }).message).toBe(
      (wrong.body as unknown as { message: string }).message,
    );
  });

  it('throttles a username after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login('legal_a', 'wrong-password')).status).toBe(401);
    const blocked = await login('legal_a');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    // Other accounts are unaffected.
    expect((await login('dispatcher_a')).status).toBe(200);
  });

  it('rotates refresh tokens; reusing a spent one is rejected and revokes the session', async () => {
    const first = (await login('operator_a')).body;
    const second = await t.http.post<Pair>('/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await t.http.get('/me', { token: second.body.accessToken })).status).toBe(200);

    const reuse = await t.http.post<{ code: string }>('/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('UNAUTHENTICATED');

    // The whole session is gone: the newest refresh token and the access tokens of the session stop working.
    expect((await t.http.post('/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
    expect((await t.http.get('/me', { token: second.body.accessToken })).status).toBe(401);
    expect((await t.http.get('/me', { token: first.accessToken })).status).toBe(401);
    const [session] = await t.app
      .get(DataSource)
      .query<{ revoked_reason: string }[]>(
        'SELECT s.revoked_reason FROM auth_session s JOIN refresh_token r ON r.session_id = s.id WHERE r.used_at IS NOT NULL AND s.user_id = $1',
        [fx.userId('operator_a')],
      );
    expect(session?.revoked_reason).toBe('refresh_reuse');
    // A fresh login still works.
    expect((await login('operator_a')).status).toBe(200);
  });

  it('stores refresh tokens only hashed', async () => {
    const pair = (await login('leader_city')).body;
    const rows = await t.app
      .get(DataSource)
      .query<{ n: number }[]>('SELECT count(*)::int AS n FROM refresh_token WHERE token_hash = $1', [
        pair.refreshToken,
      ]);
    expect(rows[0]?.n).toBe(0);
  });

  it('logout ends the session at once', async () => {
    const pair = (await login('admin_a')).body;
    expect((await t.http.post('/auth/logout', undefined, { token: pair.accessToken })).status).toBe(204);
    expect((await t.http.get('/me', { token: pair.accessToken })).status).toBe(401);
    expect((await t.http.post('/auth/refresh', { refreshToken: pair.refreshToken })).status).toBe(401);
  });

  it('a deactivated account cannot use its token', async () => {
    const adminToken = await fx.token('admin_city');
    const userToken = (await login('mediator_a2')).body.accessToken;
    const current = await t.http.get<{ version: number }>(`/admin/users/${fx.userId('mediator_a2')}`, {
      token: adminToken,
    });
    const off = await t.http.patch(
      `/admin/users/${fx.userId('mediator_a2')}`,
      { active: false, version: current.body.version },
      { token: adminToken },
    );
    expect(off.status).toBe(200);
    expect((await t.http.get('/me', { token: userToken })).status).toBe(401);
    expect((await login('mediator_a2')).status).toBe(401);
  });
});
