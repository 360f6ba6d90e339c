import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DAY_MS } from 'src/sla/business-calendar';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { CONSOLE_SHOTS, consoleSuite } from 'test/helpers/browser';
import type { FixtureUser } from 'test/helpers/identity-fixture';
import { validCaseBody } from 'test/helpers/intake-payloads';

interface Created {
  id: string;
  number: string;
  version: number;
  workerPartyId: string | null;
}

interface AuditPage {
  items: { action: string; targetId: string | null; actorUsername: string; detail: Record<string, unknown> }[];
}

const PHONE = '13912345678';
// A small file the server takes for a PDF (it checks the first bytes, not what the browser says).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * The case page's panels, driven in Chromium by the mediator handling the case: reveal with a purpose (audited),
 * attachments up and down, a note, a linked case, the mediation record and its schedule, a ledger correction.
 */
describe('the case page panels', () => {
  const suite = consoleSuite();
  const client = async (user: FixtureUser) => suite.t.http.withToken(await suite.fx.token(user));

  /** A case opened by the street union, in mediation there, with a session, two instalments and one payment. */
  async function caseWithAgreement(): Promise<Created> {
    const mediator = await client('mediator_a1');
    const created = await mediator.post<Created>('/cases', validCaseBody());
    expect(created.status).toBe(201);
    let version = created.body.version;
    const run = async (user: FixtureUser, command: string, body: Record<string, unknown> = {}) => {
      const res = await (
        await client(user)
      ).post<{ version: number }>(`/cases/${created.body.id}/${command}`, {
        ...body,
        version,
      });
      expect({ command, status: res.status, body: res.body }).toMatchObject({ command, status: 200 });
      version = res.body.version;
    };
    const today = shanghaiDay(new Date());
    await run('operator_city', 'classify', { kind: 'labour_dispute', category: 'wage_arrears', priority: 'normal' });
    await run('dispatcher_city', 'dispatch', { orgUnitId: suite.fx.units.streetA1.id });
    await run('mediator_a1', 'accept');
    await run('mediator_a1', 'start-mediation');
    await run('mediator_a1', 'record-session', {
      sessionDate: today,
      place: '东华门街道总工会调解室',
      partiesPresent: ['劳动者本人', '用人单位人事经理'],
      result: 'agreement',
      note: '双方同意分两期支付',
    });
    await run('mediator_a1', 'record-agreement', {
      amount: '1000.00',
      instalments: [
        { dueOn: today, amount: '600.00' },
        { dueOn: shanghaiDay(Date.now() + 30 * DAY_MS), amount: '400.00' },
      ],
    });
    await run('mediator_a1', 'record-payment', { amount: '600.00', paidOn: today, payer: 'employer' });
    return created.body;
  }

  async function openTab(page: Page, name: string): Promise<void> {
    await page.locator(`#tab-${name}`).click();
    await page.locator(`#pane-${name}`).waitFor();
  }

  it('reveal, attachments, note, link, mediation, ledger correction — each through its panel', async () => {
    const main = await caseWithAgreement();
    const other = await (
      await client('mediator_a1')
    ).post<Created>('/cases', {
      kind: 'labour_dispute',
      category: 'wage_arrears',
      narrative: '同一用人单位的另一名劳动者',
      claims: [{ type: 'unpaid_wages', amount: '500.00' }],
    });
    expect(other.status).toBe(201);

    const page = await suite.signedIn('mediator_a1');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.t.http.baseUrl}/console#/cases/${main.id}`);
    await page.locator('[data-test=case-page]').waitFor();
    await page.locator('[data-test=owner-unit]').filter({ hasText: 'T-A1工会' }).waitFor();
    expect(await page.locator('[data-test=assignee]').textContent()).toContain('mediator_a1');
    await page.locator('[data-test=timers] .el-table__row').first().waitFor();

    // Parties: masked; a reveal without a purpose is refused beside the field, with one it shows the number.
    await openTab(page, 'parties');
    const phone = page.locator('[data-test=parties] [data-test=phone]');
    await phone.filter({ hasText: '139****5678' }).waitFor();
    await page.locator('[data-test=reveal-phone]').click();
    await page.locator('[data-test=reveal-confirm]').click();
    await page.locator('[data-test=reveal-purpose] .el-form-item__error').waitFor();
    const purpose = '回拨劳动者核实工资发放情况';
    await page.locator('[data-test=reveal-purpose] textarea').fill(purpose);
    await page.locator('[data-test=reveal-confirm]').click();
    await phone.filter({ hasText: PHONE }).waitFor();
    expect(page.url()).not.toContain(PHONE);
    const kept = await page.evaluate<string>('JSON.stringify({ ...sessionStorage, ...localStorage })');
    expect(kept).not.toContain(PHONE);
    const audit = await (await client('admin_city')).get<AuditPage>('/admin/audit?limit=100');
    const reveals = audit.body.items.filter((e) => e.action === 'party.reveal' && e.targetId === main.workerPartyId);
    expect(reveals).toEqual([
      expect.objectContaining({ actorUsername: 'mediator_a1', detail: { field: 'phone', purpose } }),
    ]);
    expect(JSON.stringify(reveals)).not.toContain(PHONE);

    // Mediation: the session, and the agreement's two instalments (the 600 paid covers the first).
    await openTab(page, 'mediation');
    await page.locator('[data-test=sessions] .el-table__row', { hasText: '东华门街道总工会调解室' }).waitFor();
    expect(await page.locator('[data-test=sessions] .el-table__row').count()).toBe(1);
    const instalments = page.locator('[data-test=instalments] .el-table__row');
    await instalments.nth(1).waitFor();
    expect(await instalments.count()).toBe(2);
    expect(await instalments.nth(0).textContent()).toMatch(/600\.00.*已付/);
    expect(await instalments.nth(1).textContent()).toMatch(/400\.00.*待付/);
    expect(await page.locator('[data-test=agreed]').textContent()).toBe('1000.00');

    // Ledger: correct the payment through the command dialog, the entry fixed; the total follows.
    await openTab(page, 'ledger');
    const total = page.locator('[data-test=ledger-total]');
    await total.filter({ hasText: /^600\.00$/ }).waitFor();
    await page.locator('[data-test=correct-payment]').first().click();
    await page.locator('[data-test=command-preset]').filter({ hasText: '600.00' }).waitFor();
    await page.locator('[data-test=command-form] [data-field=amount] input').fill('100.00');
    await page.locator('[data-test=command-form] [data-field=reason] textarea').fill('误将100元重复登记');
    const run = page.locator('[data-test=run-command]');
    await run.click();
    await run.waitFor({ state: 'hidden' });
    await total.filter({ hasText: /^500\.00$/ }).waitFor();
    expect(await page.locator('[data-test=ledger-entries] .el-table__row').count()).toBe(2);
    const ledger = await (
      await client('dispatcher_city')
    ).get<{ entries: { amount: string; correctsId: string | null }[] }>(`/cases/${main.id}/payments`);
    expect(ledger.body.entries.map((e) => e.amount).sort()).toEqual(['-100.00', '600.00']);

    // Attachments: the upload's progress ends at 100 %, the file is listed, and downloads to the same bytes.
    await openTab(page, 'attachments');
    await page.locator('[data-test=upload] input[type=file]').setInputFiles({
      name: '工资条-2026年9月.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.locator('[data-test=upload-progress][aria-valuenow="100"]').waitFor();
    const row = page.locator('[data-test=attachment-list] .el-table__row', { hasText: '工资条-2026年9月.pdf' });
    await row.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-test=download]').click()]);
    expect(download.suggestedFilename()).toBe('工资条-2026年9月.pdf');
    expect(readFileSync(await download.path()).equals(PDF)).toBe(true);

    // Notes: added from the form, shown newest first.
    await openTab(page, 'notes');
    await page.locator('textarea[name=noteText]').fill('已电话联系用人单位人事，对方承诺本周内付清余款。');
    await page.locator('[data-test=add-note]').click();
    await page.locator('[data-test=note]').first().filter({ hasText: '对方承诺本周内付清余款' }).waitFor();

    // Related cases: a number not in scope says so; the second case's number links it.
    await openTab(page, 'related');
    await page.locator('input[name=linkNumber]').fill('GD-2099-999999');
    await page.locator('[data-test=link-case]').click();
    await page.locator('[data-test=related] .el-form-item__error').filter({ hasText: '未找到' }).waitFor();
    await page.locator('input[name=linkNumber]').fill(other.body.number);
    await page.locator('[data-test=link-case]').click();
    await page.locator('[data-test=related-list] a', { hasText: other.body.number }).waitFor();

    // The timeline names each event in Chinese, with the key data where it helps.
    await openTab(page, 'timeline');
    const timeline = page.locator('[data-test=timeline]');
    await timeline.locator('[data-event=linked]').filter({ hasText: other.body.number }).waitFor();
    expect(await timeline.locator('[data-event=payment_recorded]').textContent()).toContain('600.00 元');
    expect(await timeline.locator('[data-event=note_added]').textContent()).toContain('对方承诺');
    expect(await timeline.locator('[data-event=dispatched]').textContent()).toContain('T-A1工会');
    // The confirmations fade after a few seconds; the picture is of the page, not of them.
    await page.locator('.el-message').last().waitFor({ state: 'detached' });
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'case-panels.png'), fullPage: true });

    // At 1024 px the page still fits: the tabs scroll, nothing spills sideways.
    await page.setViewportSize({ width: 1024, height: 800 });
    await openTab(page, 'ledger');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    // Only for the picture: the tabs' underline slides to the new tab for 0.3 s.
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(CONSOLE_SHOTS, 'case-panels-1024.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  it('a clock paused and resumed, and more time asked for and approved, from the clocks panel', async () => {
    const created = await (await client('mediator_a1')).post<Created>('/cases', validCaseBody());
    expect(created.status).toBe(201);
    const open = async (user: FixtureUser) => {
      const page = await suite.signedIn(user);
      await page.goto(`${suite.t.http.baseUrl}/console#/cases/${created.body.id}`);
      await page.locator('[data-test=timers] .el-table__row').first().waitFor();
      return page;
    };
    const clock = (page: Page, timer: string) =>
      page.locator('[data-test=timers] .el-table__row').filter({ has: page.locator(`[data-clock=${timer}]`) });

    const mediator = await open('mediator_a1');
    // Pausing needs a reason: the API's 400 appears beside the field, and the dialog stays.
    await mediator.locator('[data-test=pause-timer][data-timer=first_contact]').click();
    await mediator.locator('[data-test=pause-confirm]').click();
    await mediator.locator('[data-test=pause-reason] .el-form-item__error').waitFor();
    await mediator.locator('[data-test=pause-reason] textarea').fill('等待劳动者补充工资流水证据');
    await mediator.locator('[data-test=pause-confirm]').click();
    await clock(mediator, 'first_contact').filter({ hasText: '已暂停' }).waitFor();
    await mediator.locator('[data-test=resume-timer][data-timer=first_contact]').click();
    await clock(mediator, 'first_contact').filter({ hasText: '计时中' }).waitFor();

    await mediator.locator('[data-test=extend-timer][data-timer=resolution]').click();
    await mediator.locator('[data-test=extension-reason] textarea').fill('用人单位申请延期提交工资发放记录');
    await mediator.locator('[data-test=extension-confirm]').click();
    await mediator.locator('[data-test=extension-requests] .el-table__row', { hasText: '待审批' }).waitFor();
    // The handler may not decide: no approve button for them.
    expect(await mediator.locator('[data-test=approve-extension]').count()).toBe(0);

    const dispatcher = await open('dispatcher_a');
    await dispatcher.locator('[data-test=approve-extension]').click();
    await dispatcher.locator('[data-test=approve-note] textarea').fill('同意延期，请在新期限内办结');
    await dispatcher.locator('[data-test=approve-confirm]').click();
    await dispatcher.locator('[data-test=extension-requests] .el-table__row', { hasText: '已批准' }).waitFor();
    await clock(dispatcher, 'resolution').filter({ hasText: '1 天' }).waitFor();
    const requests = await (
      await client('leader_a')
    ).get<{ state: string; decidedBy: string }[]>(`/cases/${created.body.id}/extension-requests`);
    expect(requests.body).toEqual([
      expect.objectContaining({ state: 'approved', decidedBy: suite.fx.userId('dispatcher_a') }),
    ]);
    const events = await (await client('leader_a')).get<{ type: string }[]>(`/cases/${created.body.id}/events`);
    expect(events.body.map((e) => e.type)).toEqual(
      expect.arrayContaining(['timer_paused', 'timer_resumed', 'extension_requested', 'extension_approved']),
    );
  }, 120_000);
});
