import { createTestApp, TestApp } from 'test/helpers/test-app';

describe('health and docs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('GET /health answers 200 while the process is alive', async () => {
    const res = await t.http.get<{ status: string }>('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('GET /health/ready reports PostgreSQL and Redis up', async () => {
    const res = await t.http.get<{ status: string; info: Record<string, { status: string }> }>('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.info.database?.status).toBe('up');
    expect(res.body.info.redis?.status).toBe('up');
  });

  it('serves Swagger UI at /docs and the document at /docs/json', async () => {
    const ui = await t.http.get<string>('/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    const doc = await t.http.get<{ openapi: string; paths: Record<string, unknown> }>('/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
  });

  it('echoes a well-formed X-Request-Id and mints one otherwise', async () => {
    const echoed = await t.http.get('/health', { headers: { 'x-request-id': 'probe-12345678' } });
    expect(echoed.headers.get('x-request-id')).toBe('probe-12345678');
    const minted = await t.http.get('/health', { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
