import { readdirSync, readFileSync } from 'node:fs';
import { get as httpGet, IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DASHBOARD_LABELS } from 'src/dashboard/dashboard-labels';
import { createTestApp, TestApp } from 'test/helpers/test-app';

const ASSET_DIR = join(__dirname, '..', 'src', 'dashboard', 'assets');

/** The dashboard's page and files as served (the browser test is dashboard.e2e-spec.ts). */
describe('dashboard files at /dashboard', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A GET that shows the bytes as sent (fetch would undo the compression). */
  function rawGet(path: string, headers: Record<string, string>) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = httpGet(`${t.http.baseUrl}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  }

  it('serves the page and its files without a token, under a strict CSP, with nothing from another site', async () => {
    const page = await t.http.get<string>('/dashboard');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page.body).not.toMatch(/<script>|<script type="module">|\son\w+="/); // no inline script or handler
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]),
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const labels = /<script type="application\/json" id="labels">([^<]*)<\/script>/.exec(page.body)?.[1] ?? '';
    expect(JSON.parse(labels)).toEqual(DASHBOARD_LABELS);

    // Every file of the assets folder is served as it is, and so is everything the page and its modules name.
    const files = readdirSync(ASSET_DIR).filter((name) => name !== 'index.html');
    for (const name of files) {
      const res = await t.http.get<string>(`/dashboard/assets/${name}`);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      expect(res.headers.get('content-type')).toMatch(name.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(res.body).toBe(readFileSync(join(ASSET_DIR, name), 'utf8'));
    }
    const named = [
      ...[...page.body.matchAll(/(?:src|href)="\/dashboard\/assets\/([^"]+)"/g)].map((m) => m[1]),
      ...files.flatMap((name) =>
        [...readFileSync(join(ASSET_DIR, name), 'utf8').matchAll(/from '\.\/([\w.-]+)'/g)].map((m) => m[1]),
      ),
    ];
    expect(named).toEqual(expect.arrayContaining(['dashboard.css', 'echarts.min.js', 'dashboard.js', 'views.js']));
    for (const name of new Set(named)) {
      expect({ name, status: (await t.http.get(`/dashboard/assets/${name ?? ''}`)).status }).toEqual({
        name,
        status: 200,
      });
    }
  });

  it('serves ECharts from the installed package, compressed when asked, and 304 once the browser has it', async () => {
    const local = readFileSync(require.resolve('echarts/dist/echarts.min.js'));
    const zipped = await rawGet('/dashboard/assets/echarts.min.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(local.length / 2);
    expect(gunzipSync(zipped.body).equals(local)).toBe(true);

    const plain = await rawGet('/dashboard/assets/echarts.min.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(local)).toBe(true);

    const etag = String(zipped.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await rawGet('/dashboard/assets/echarts.min.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers 404 in the usual error shape for any other file name', async () => {
    for (const name of ['nope.js', 'index.html', '..%2Fdashboard-assets.ts', '%2E%2E%2F%2E%2E%2Fapp.module.ts']) {
      const res = await t.http.get<{ code: string }>(`/dashboard/assets/${name}`);
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 404, code: 'NOT_FOUND' });
    }
  });
});
