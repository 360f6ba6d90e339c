import { HttpClient } from 'test/helpers/http-client';
import { createIdentityFixture } from 'test/helpers/identity-fixture';
import { createTestApp, TestApp } from 'test/helpers/test-app';
import { DataSource } from 'typeorm';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; reasons: string[] }[];
  correlationId: string;
}

describe('error bodies', () => {
  let t: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    t = await createTestApp();
    http = t.http.withToken(await (await createIdentityFixture(t)).token('admin_city'));
  });

  afterAll(async () => {
    await t.close();
  });

  async function heartbeatCount(): Promise<number> {
    const [row] = await t.app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM system_heartbeat');
    return row?.n ?? -1;
  }

  it('a validation error answers the documented 400 body, one entry per failing field, and writes nothing', async () => {
    const before = await heartbeatCount();
    const res = await http.post<ErrorBody>(
      '/system/heartbeats',
      { source: 42, unexpected: true },
      { headers: { 'x-request-id': 'validation-test-1' } },
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('source') as string,
      details: expect.arrayContaining([
        {
          field: 'source',
          reasons: expect.arrayContaining([expect.stringMatching(/source must be a string/)]) as string[],
        },
        { field: 'unexpected', reasons: ['property unexpected should not exist'] },
      ]) as unknown,
      correlationId: 'validation-test-1',
    });
    expect(res.body.details).toHaveLength(2);
    expect(await heartbeatCount()).toBe(before);
  });

  it('a missing body field is named', async () => {
    const res = await http.post<ErrorBody>('/system/heartbeats', {});
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field)).toEqual(['source']);
  });

  it('malformed JSON is a 400 in the same shape, never a 500', async () => {
    const res = await http.post<ErrorBody>('/system/heartbeats', '{"source": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
    expect(res.body.correlationId).toEqual(res.headers.get('x-request-id'));
  });

  it('a bad id in the path is a 400 naming the parameter', async () => {
    const res = await http.get<ErrorBody>('/system/heartbeats/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'id', reasons: ['id must be a UUID'] }]);
  });

  it('an unknown route is a 404 with a code', async () => {
    const res = await t.http.get<ErrorBody>('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('an unsupported content type is 415, not 500', async () => {
    const res = await http.post<ErrorBody>('/system/heartbeats', 'source=x', {
      headers: { 'content-type': 'text/xml' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
