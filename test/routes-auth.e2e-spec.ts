import jwt from 'jsonwebtoken';
import { createIdentityFixture, FIXTURE_USERS, FixtureUser, IdentityFixture } from 'test/helpers/identity-fixture';
import { concretePath, listRoutes, queueBoardRoutes, RouteInfo } from 'test/helpers/route-catalog';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { TEST_KEYS } from 'test/setup/test-env';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authentication and roles on every route', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let routes: RouteInfo[];
  let badTokens: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    routes = listRoutes(t.app);
    const real = jwt.decode(await fx.token('admin_city')) as { sub: string; sid: string };
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: real.sub, sid: real.sid, iss: t.config.auth.issuer, aud: t.config.auth.audience };
    const secret = TEST_KEYS.JWT_SECRET ?? '';
    badTokens = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: now + 600 })}.`,
      'wrong signature': jwt.sign({ ...claims, exp: now + 600 }, 'another-secret-another-secret-another-secret'),
      expired: jwt.sign({ ...claims, exp: now - 60 }, secret),
      'wrong audience': jwt.sign({ ...claims, aud: 'someone-else', exp: now + 600 }, secret),
      'wrong issuer': jwt.sign({ ...claims, iss: 'someone-else', exp: now + 600 }, secret),
      'no expiry': jwt.sign(claims, secret),
      'HS512 instead of HS256': jwt.sign({ ...claims, exp: now + 600 }, secret, { algorithm: 'HS512' }),
      garbage: 'not.a.token',
    };
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds the routes, and every one is either @Public or @Authenticated', () => {
    expect(routes.length).toBeGreaterThan(15);
    const unmarked = routes.filter((route) => !route.isPublic && route.roles === undefined);
    expect(unmarked.map((route) => route.name)).toEqual([]);
    const publicRoutes = routes.filter((route) => route.isPublic).map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes.sort()).toEqual([
      'DELETE /admin/queues/session',
      'GET /admin/queues/login',
      'GET /console',
      'GET /console/assets/:name',
      'GET /dashboard',
      'GET /dashboard/assets/:name',
      'GET /health',
      'GET /health/ready',
      'POST /auth/login',
      'POST /auth/refresh',
    ]);
  });

  it('answers 401 without a token and with every kind of bad token, on every protected route', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const url = concretePath(route.path);
      const body = route.method === 'GET' ? undefined : {};
      const none = await t.http.request(route.method, url, { body });
      if (none.status !== 401) failures.push(`${route.method} ${route.path} without token: ${none.status}`);
      for (const [kind, token] of Object.entries(badTokens)) {
        const res = await t.http.request(route.method, url, { body, token });
        if (res.status !== 401) failures.push(`${route.method} ${route.path} with ${kind}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to an authenticated user without the role, on every role-restricted route', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => (r.roles?.length ?? 0) > 0)) {
      const outsider = (Object.keys(FIXTURE_USERS) as FixtureUser[]).find((user) =>
        FIXTURE_USERS[user].roles.every((role) => !route.roles?.includes(role)),
      );
      if (outsider === undefined) continue;
      const res = await t.http.request(route.method, concretePath(route.path), {
        body: route.method === 'GET' ? undefined : {},
        token: await fx.token(outsider),
      });
      if (res.status !== 403) failures.push(`${route.method} ${route.path} as ${outsider}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('guards the Bull Board (Fastify-native, so not in the Nest list): 401 without or with bad tokens, 403 to non-admins', async () => {
    const failures: string[] = [];
    const operator = await fx.token('operator_city');
    const boardRoutes = queueBoardRoutes();
    expect(boardRoutes.length).toBeGreaterThan(30);
    for (const route of boardRoutes) {
      const url = concretePath(route.path);
      const body = route.method === 'GET' ? undefined : {};
      const none = await t.http.request(route.method, url, { body });
      if (none.status !== 401) failures.push(`${route.method} ${route.path} without token: ${none.status}`);
      for (const [kind, token] of Object.entries(badTokens)) {
        const res = await t.http.request(route.method, url, { body, token });
        if (res.status !== 401) failures.push(`${route.method} ${route.path} with ${kind}: ${res.status}`);
        const cookie = await t.http.request(route.method, url, {
          body,
          headers: { cookie: `gd_queue_board=${token}` },
        });
        if (cookie.status !== 401) failures.push(`${route.method} ${route.path} with ${kind} cookie: ${cookie.status}`);
      }
      const res = await t.http.request(route.method, url, { body, token: operator });
      if (res.status !== 403) failures.push(`${route.method} ${route.path} as operator_city: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
