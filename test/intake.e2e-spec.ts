import { createIdentityFixture, IdentityFixture } from 'test/helpers/identity-fixture';
import { validCallBody, validCaseBody } from 'test/helpers/intake-payloads';
import { createTestApp, TestApp } from 'test/helpers/test-app';

interface Call {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  callerPartyId: string | null;
}
interface Case {
  id: string;
  number: string;
  status: string;
  kind: string;
  outcome: string | null;
  priority: string;
  collective: boolean;
  version: number;
  claimed: string;
  narrative: string;
  claims: { type: string; amount: string }[];
  employer: { id: string; name: string; districtId: string | null } | null;
  workerPartyId: string | null;
}
interface Event {
  type: string;
  version: number;
  data: Record<string, unknown>;
}

describe('hotline intake', () => {
  let t: TestApp;
  let fx: IdentityFixture;
  let operator: string;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createIdentityFixture(t);
    operator = await fx.token('operator_a');
  });

  afterAll(async () => {
    await t.close();
  });

  const events = async (caseId: string) =>
    (await t.http.get<Event[]>(`/cases/${caseId}/events`, { token: operator })).body.map((e) => e.type);

  it('a new caller creates a case; a repeat call finds and attaches to it; a consultation is closed on the spot', async () => {
    const first = await t.http.post<Call>('/calls', validCallBody(), { token: operator });
    expect(first.status).toBe(201);
    expect(first.body.caseNumber).toMatch(/^GD-\d{4}-\d{6}$/);
    const caseId = first.body.caseId ?? '';
    const created = await t.http.get<Case>(`/cases/${caseId}`, { token: operator });
    expect(created.body).toMatchObject({
      status: 'received',
      kind: 'labour_dispute',
      claimed: '12345.67',
      workerPartyId: first.body.callerPartyId,
      employer: { name: '北京某某外卖配送有限公司' },
    });
    // The timeline's first entry names the call the case came from.
    const timeline = await t.http.get<Event[]>(`/cases/${caseId}/events`, { token: operator });
    expect(timeline.body[0]).toMatchObject({ type: 'received', data: { callId: first.body.id } });

    const lookup = await t.http.post<{ parties: { id: string; phoneMasked: string }[]; openCases: { id: string }[] }>(
      '/calls/lookup',
      { phone: '139-1234-5678' },
      { token: operator },
    );
    expect(lookup.body.parties.map((p) => p.id)).toEqual([first.body.callerPartyId]);
    expect(lookup.body.parties[0]?.phoneMasked).toBe('139****5678');
    expect(lookup.body.openCases.map((c) => c.id)).toEqual([caseId]);

    const repeat = await t.http.post<Call>(
      '/calls',
      {
        channel: 'hotline',
        startedAt: '2026-11-21T10:00:00+08:00',
        caller: { partyId: first.body.callerPartyId },
        summary: '再次来电询问进度',
        disposition: 'attached_to_case',
        caseId,
      },
      { token: operator },
    );
    expect(repeat.status).toBe(201);
    expect(repeat.body.caseId).toBe(caseId);

    const consultation = await t.http.post<Call>(
      '/calls',
      {
        channel: 'hotline',
        startedAt: '2026-11-21T11:00:00+08:00',
        summary: '咨询试用期解除劳动合同的经济补偿',
        disposition: 'consultation_answered',
        case: {
          kind: 'consultation',
          category: 'labour_contract',
          narrative: '咨询试用期解除的补偿问题，已当场解答。',
        },
      },
      { token: operator },
    );
    expect(consultation.status).toBe(201);
    const answered = await t.http.get<Case>(`/cases/${consultation.body.caseId ?? ''}`, { token: operator });
    expect(answered.body).toMatchObject({ kind: 'consultation', status: 'closed', outcome: 'answered' });

    expect(await events(caseId)).toEqual(['received', 'call_attached']);
    expect(await events(answered.body.id)).toEqual(['received', 'consultation_answered']);
  });

  it('classifies, edits, replaces claims, notes and links, each on the timeline with the version', async () => {
    const call = await t.http.post<Call>('/calls', validCallBody(), { token: operator });
    const id = call.body.caseId ?? '';
    const classified = await t.http.post<Case>(
      `/cases/${id}/classify`,
      { kind: 'labour_dispute', category: 'dismissal', priority: 'normal' },
      { token: operator, headers: { 'if-match': '"1"' } },
    );
    expect(classified.status).toBe(200);
    expect(classified.body).toMatchObject({ status: 'triaged', version: 2 });

    const collective = await t.http.patch<Case>(
      `/cases/${id}`,
      { workersAffected: 15, version: 2 },
      { token: operator },
    );
    expect(collective.body).toMatchObject({ collective: true, priority: 'urgent', version: 3 });

    const claims = await t.http.request<Case>('PUT', `/cases/${id}/claims`, {
      token: operator,
      body: {
        version: 3,
        claims: [
          { type: 'unpaid_wages', amount: '10000' },
          { type: 'severance', amount: '0.5' },
        ],
      },
    });
    expect(claims.body.claimed).toBe('10000.50');
    expect(claims.body.claims.map((c) => c.amount)).toEqual(['10000.00', '0.50']);

    expect((await t.http.post(`/cases/${id}/notes`, { text: '已联系用人单位' }, { token: operator })).status).toBe(201);
    const other = await t.http.post<Call>('/calls', validCallBody(), { token: operator });
    const link = await t.http.post<{ linked: boolean }>(
      `/cases/${id}/links`,
      { relatedCaseId: other.body.caseId },
      { token: operator },
    );
    expect(link.body.linked).toBe(true);

    const timeline = (await t.http.get<Event[]>(`/cases/${id}/events`, { token: operator })).body;
    expect(timeline.map((e) => [e.type, e.version])).toEqual([
      ['received', 1],
      ['classified', 2],
      ['updated', 3],
      ['claims_replaced', 4],
      ['note_added', 4],
      ['linked', 4],
    ]);

    const closedEdit = await t.http.post<{ code: string }>(
      `/cases/${id}/classify`,
      { kind: 'labour_dispute', category: 'dismissal', priority: 'normal', version: 1 },
      { token: operator },
    );
    expect(closedEdit.status).toBe(409);
  });

  it('finds cases by a Chinese employer-name fragment and narrative text, only in scope', async () => {
    const body = validCallBody();
    (body.case as Record<string, unknown>).employer = { name: '北京鑫源建筑劳务有限公司' };
    (body.case as Record<string, unknown>).orgUnitId = fx.units.streetA1.id;
    const inScope = await t.http.post<Call>('/calls', body, { token: operator });
    const bodyB = validCallBody();
    (bodyB.case as Record<string, unknown>).employer = { name: '北京鑫源建筑劳务有限公司' };
    const outside = await t.http.post<Call>('/calls', bodyB, { token: await fx.token('operator_city') });
    expect(outside.status).toBe(201);

    const search = async (user: 'mediator_a1' | 'mediator_b1' | 'operator_city', q: string) =>
      (
        await t.http.get<{ items: { id: string }[] }>(`/cases?q=${encodeURIComponent(q)}&limit=100`, {
          token: await fx.token(user),
        })
      ).body.items.map((c) => c.id);
    expect(await search('mediator_a1', '鑫源建筑')).toEqual([inScope.body.caseId]);
    expect(await search('mediator_b1', '鑫源建筑')).toEqual([]);
    expect((await search('operator_city', '鑫源')).sort()).toEqual([inScope.body.caseId, outside.body.caseId].sort());
    expect(await search('mediator_a1', '配送费')).toContain(inScope.body.caseId);
    expect(
      (await t.http.get(`/cases/${outside.body.caseId ?? ''}`, { token: await fx.token('mediator_a1') })).status,
    ).toBe(404);
  });

  it('records an employer’s district once: kept when known, never a street or an unknown unit', async () => {
    const withEmployer = (employer: Record<string, unknown>) => ({ ...validCaseBody(), employer });
    const name = '北京某某物流有限公司';
    const first = await t.http.post<Case>('/cases', withEmployer({ name }), { token: operator });
    expect(first.body.employer).toMatchObject({ name, districtId: null });
    const located = await t.http.post<Case>('/cases', withEmployer({ name, districtId: fx.units.districtA.id }), {
      token: operator,
    });
    expect(located.status).toBe(201);
    expect(located.body.employer).toEqual({ ...first.body.employer, districtId: fx.units.districtA.id });
    // Another caller's different district does not move the employer; the case reads back what is stored.
    const other = await t.http.post<Case>('/cases', withEmployer({ name, districtId: fx.units.districtB.id }), {
      token: operator,
    });
    const read = await t.http.get<Case>(`/cases/${other.body.id}`, { token: operator });
    expect(read.body.employer).toEqual({ ...first.body.employer, districtId: fx.units.districtA.id });

    for (const districtId of [fx.units.streetA1.id, '0b6f9a3e-7d1c-4f7e-9c2a-5e8d1f4a6b20', 'not-a-uuid']) {
      const refused = await t.http.post<{ code: string; details: { field: string }[] }>(
        '/cases',
        withEmployer({ name: '北京另一家物流有限公司', districtId }),
        { token: operator },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.details.map((d) => d.field)).toEqual(
        expect.arrayContaining([expect.stringContaining('districtId')]),
      );
    }
    // From a call the employer sits under `case`: the field says so.
    const { case: details, ...call } = validCallBody();
    const fromCall = await t.http.post<{ details: { field: string }[] }>(
      '/calls',
      { ...call, case: { ...(details as object), employer: { name, districtId: fx.units.streetA1.id } } },
      { token: operator },
    );
    expect(fromCall.status).toBe(400);
    expect(fromCall.body.details.map((d) => d.field)).toEqual(['case.employer.districtId']);
  });

  it('paginates with a cursor and never repeats a case', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http.get(
        `/cases?limit=2${query}`,
        { token: await fx.token('operator_city') },
      );
      for (const item of page.body.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    expect(seen.size).toBeGreaterThan(4);
    expect((await t.http.get('/cases?cursor=garbage', { token: operator })).status).toBe(400);
  });

  it('stores evidence files with a checksum and serves them in scope only', async () => {
    const call = await t.http.post<Call>('/calls', validCallBody(), { token: operator });
    const caseId = call.body.caseId ?? '';
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 65)]);
    const upload = async (name: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${t.http.baseUrl}/cases/${caseId}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${operator}` },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as { id: string; sha256: string; sizeBytes: number } };
    };
    const ok = await upload('工资条.pdf', pdf);
    expect(ok.status).toBe(201);
    expect(ok.body.sizeBytes).toBe(pdf.length);
    const { createHash } = await import('node:crypto');
    expect(ok.body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    expect((await upload('fake.pdf', Buffer.from('MZ not a pdf at all'))).status).toBe(415);
    expect((await upload('script.exe', pdf)).status).toBe(415);

    const download = await fetch(`${t.http.baseUrl}/attachments/${ok.body.id}/content`, {
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const outsider = await t.http.get(`/attachments/${ok.body.id}/content`, { token: await fx.token('mediator_b1') });
    expect(outsider.status).toBe(404);
    const list = await t.http.get<{ id: string }[]>(`/cases/${caseId}/attachments`, { token: operator });
    expect(list.body.map((a) => a.id)).toEqual([ok.body.id]);
    expect(await events(caseId)).toContain('attachment_added');
  });
});
