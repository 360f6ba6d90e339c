import { Role } from 'src/auth/role';
import { QueueName } from 'src/queue/queue.constants';
import { UserResponseDto } from 'src/users/user.dto';
import { launchChromium } from 'test/helpers/browser';
import { createIdentityFixture, IdentityFixture, TEST_PASSWORD } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

const BOARD = '/admin/queues';

interface ErrorBody {
  statusCode: number;
  code: string;
  correlationId: string;
}

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
function cookieOf(res: { headers: Headers }): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('Bull Board at /admin/queues, admins only', () => {
  let t: TestApp;
  let fx: IdentityFixture;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A fresh session of its own (fixture tokens are shared between tests, and some tests end sessions). */
  async function freshToken(username: string): Promise<string> {
    const res = await t.http.post<{ accessToken: string }>('/auth/login', { username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  }

  async function boardCookie(token: string): Promise<string> {
    const res = await t.http.post(`${BOARD}/session`, undefined, { token });
    expect(res.status).toBe(204);
    return cookieOf(res);
  }

  const withCookie = (cookie: string) => ({ headers: { cookie } });

  it('refuses the board, its API and its assets without a token: 401 in the standard error shape', async () => {
    for (const [method, path] of [
      ['GET', BOARD],
      ['GET', `${BOARD}/`],
      ['GET', `${BOARD}/queue/${QueueName.Timers}`],
      ['GET', `${BOARD}/api/queues`],
      ['PUT', `${BOARD}/api/queues/${QueueName.Timers}/pause`],
      ['GET', `${BOARD}/static/favicon-32x32.png`],
    ] as const) {
      const res = await t.http.request<ErrorBody>(method, path);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(res.body.correlationId).toBe(res.headers.get('x-request-id'));
    }
    const forged = await t.http.get<ErrorBody>(`${BOARD}/api/queues`, withCookie('gd_queue_board=not.a.token'));
    expect(forged.status).toBe(401);
  });

  it('refuses a signed-in user without the admin role: 403, by bearer token and by cookie', async () => {
    const token = await fx.token('operator_city');
    const byBearer = await t.http.get<ErrorBody>(BOARD, { token });
    expect(byBearer.status).toBe(403);
    expect(byBearer.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(byBearer.body.correlationId).toBe(byBearer.headers.get('x-request-id'));

    // The session route will not hand a non-admin a cookie; a hand-made one carrying their token is still refused.
    const session = await t.http.post(`${BOARD}/session`, undefined, { token });
    expect(session.status).toBe(403);
    expect(session.headers.get('set-cookie')).toBeNull();
    expect((await t.http.get(BOARD, withCookie(`gd_queue_board=${token}`))).status).toBe(403);
  });

  it('serves the board page to an admin bearer token, and its API lists every queue of the project', async () => {
    const token = await fx.token('admin_city');
    const page = await t.http.get<string>(BOARD, { token });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('队列看板');
    expect(page.body).toContain(`<base href="${BOARD}/" />`);
    expect(page.body).not.toMatch(/(href|src)="https?:/); // no third-party assets
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);

    const api = await t.http.get<{ queues: { name: string }[] }>(`${BOARD}/api/queues`, { token });
    expect(api.status).toBe(200);
    expect(api.body.queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
  });

  it('opens a session: the cookie is HttpOnly, SameSite=Strict, scoped to the board, and alone opens it', async () => {
    const res = await t.http.post(`${BOARD}/session`, undefined, { token: await freshToken('admin_city') });
    expect(res.status).toBe(204);
    const attributes = (res.headers.get('set-cookie') ?? '').split(';').map((part) => part.trim());
    expect(attributes[0]).toMatch(/^gd_queue_board=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(attributes).toEqual(
      expect.arrayContaining([
        'HttpOnly',
        'SameSite=Strict',
        `Path=${BOARD}`,
        `Max-Age=${t.config.auth.accessTtlSeconds}`,
      ]),
    );
    expect(attributes).not.toContain('Secure'); // test runs as NODE_ENV=test over plain HTTP

    const cookie = cookieOf(res);
    const page = await t.http.get<string>(BOARD, withCookie(cookie));
    expect(page.status).toBe(200);
    expect(page.body).toContain('队列看板');
    const api = await t.http.get<{ queues: unknown[] }>(`${BOARD}/api/queues`, withCookie(`theme=dark; ${cookie}`));
    expect(api.status).toBe(200);
    expect(api.body.queues).toHaveLength(Object.values(QueueName).length);
    // The cookie is for the board only: the rest of the API still wants a bearer token.
    expect((await t.http.get('/me', withCookie(cookie))).status).toBe(401);
  });

  it('refuses the cookie at once after the session is logged out through the API', async () => {
    const token = await freshToken('admin_city');
    const cookie = await boardCookie(token);
    expect((await t.http.get(BOARD, withCookie(cookie))).status).toBe(200);
    expect((await t.http.post('/auth/logout', undefined, { token })).status).toBe(204);
    const after = await t.http.get<ErrorBody>(BOARD, withCookie(cookie));
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('DELETE /admin/queues/session clears the cookie and ends the session it carried', async () => {
    const token = await freshToken('admin_city');
    const cookie = await boardCookie(token);
    const res = await t.http.delete(`${BOARD}/session`, withCookie(cookie));
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^gd_queue_board=; Path=\/admin\/queues; Max-Age=0; HttpOnly/);
    expect((await t.http.get(BOARD, withCookie(cookie))).status).toBe(401);
    expect((await t.http.get('/me', { token })).status).toBe(401);
    // Without a cookie (or with a dead one) it still just clears.
    expect((await t.http.delete(`${BOARD}/session`)).status).toBe(204);
    expect((await t.http.delete(`${BOARD}/session`, withCookie(cookie))).status).toBe(204);
  });

  it('follows account changes at once: losing the admin role gives 403, deactivation 401', async () => {
    const cookie = await boardCookie(await freshToken('admin_a'));
    const admin = t.http.withToken(await fx.token('admin_city'));
    const id = fx.userId('admin_a');
    const patch = async (change: Partial<UserResponseDto>) => {
      const current = await admin.get<UserResponseDto>(`/admin/users/${id}`);
      const res = await admin.patch(`/admin/users/${id}`, { ...change, version: current.body.version });
      expect(res.status).toBe(200);
    };
    await patch({ roles: [Role.Leader] });
    expect((await t.http.get(BOARD, withCookie(cookie))).status).toBe(403);
    await patch({ roles: [Role.Admin] });
    expect((await t.http.get(BOARD, withCookie(cookie))).status).toBe(200);
    await patch({ active: false });
    expect((await t.http.get(BOARD, withCookie(cookie))).status).toBe(401);
  });

  it('audits a change made through the board before it runs; reads are not audited', async () => {
    const cookie = await boardCookie(await fx.token('admin_city'));
    const db = t.app.get(DataSource);
    const count = async () =>
      (
        await db.query<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'queue_board.action'",
        )
      )[0]?.n;
    expect((await t.http.get(`${BOARD}/api/queues`, withCookie(cookie))).status).toBe(200);
    expect(await count()).toBe(0);

    const paused = await t.http.request('PUT', `${BOARD}/api/queues/${QueueName.System}/pause`, withCookie(cookie));
    expect(paused.status).toBe(200);
    const resumed = await t.http.request('PUT', `${BOARD}/api/queues/${QueueName.System}/resume`, withCookie(cookie));
    expect(resumed.status).toBe(200);
    const rows = await db.query<{ actor_id: string; target_id: string; detail: { method: string; route: string } }[]>(
      "SELECT actor_id, target_id, detail FROM audit_entry WHERE action = 'queue_board.action' ORDER BY id",
    );
    expect(rows).toEqual([
      {
        actor_id: fx.userId('admin_city'),
        target_id: QueueName.System,
        detail: { method: 'PUT', route: `${BOARD}/api/queues/:queueName/pause`, jobId: null },
      },
      {
        actor_id: fx.userId('admin_city'),
        target_id: QueueName.System,
        detail: { method: 'PUT', route: `${BOARD}/api/queues/:queueName/resume`, jobId: null },
      },
    ]);
  });

  it('serves the login page without a token, self-contained, in Chinese, under a strict CSP', async () => {
    const res = await t.http.get<string>(`${BOARD}/login`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'sha256-/);
  });

  it('in a real browser: the login page signs an admin in, the board shows the queues, the token stays unreadable', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${t.http.baseUrl}${BOARD}/login`);
      await page.fill('input[name=username]', 'admin_city');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(`${t.http.baseUrl}${BOARD}`);
      for (const name of Object.values(QueueName)) {
        await page.getByText(name, { exact: true }).first().waitFor({ timeout: 15000 });
      }
      expect(await page.evaluate('document.cookie')).toBe('');
      expect(errors).toEqual([]);

      // A non-admin is told why and gets no cookie.
      const other = await browser.newPage();
      await other.goto(`${t.http.baseUrl}${BOARD}/login`);
      await other.fill('input[name=username]', 'operator_city');
      await other.fill('input[name=password]', TEST_PASSWORD);
      await other.click('button[type=submit]');
      await other.getByText('该账号没有管理员（admin）角色。').waitFor();
      const cookies = await other.context().cookies();
      expect(cookies.filter((cookie) => cookie.name === 'gd_queue_board')).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
