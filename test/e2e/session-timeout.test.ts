import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Session } from '../../db/models.js';
import { needs } from '../support/requires.js';
import { startTestApp } from '../support/test-app.js';
import { BROWSER_TEST_TIMEOUT, launchBrowser, loginThroughForm, openPanelPage, screenshot } from './browser.js';

/**
 * The session time limits in Chromium, with an idle end of 10 s (SESSION_IDLE_MINUTES=1/6), so the warning comes
 * 5 s before it: the warning, 继续使用, 退出, the end itself and what the login page says afterwards. The panel's own
 * session checks run all along: that the end still comes shows they do not count as activity.
 */
const IDLE_MS = 10_000;
const WARNING_MS = IDLE_MS / 2;

jest.setTimeout(BROWSER_TEST_TIMEOUT);
const chromium = await needs('浏览器端到端测试（会话超时）', 'chromium');

let browser: Browser;
let app: Awaited<ReturnType<typeof startTestApp>>;
let page: Page;
let foreign: string[];
/** Every alert() or confirm() the page raised: none is expected (AdminJS's English one is kept back). */
const dialogs: string[] = [];

beforeAll(async () => {
  if (!chromium.ok) return;
  browser = await launchBrowser();
  app = await startTestApp({ SESSION_IDLE_MINUTES: String(IDLE_MS / 60_000) });
  ({ page, foreign } = await openPanelPage(browser, app.url));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const warning = () => page.getByTestId('session-warning');
const serverSays = () =>
  page.evaluate(async () => {
    const answer = await fetch('/admin/session', { headers: { accept: 'application/json', 'x-background-request': '1' } });
    return { status: answer.status, body: (await answer.json()) as { idleLeftMs?: number } };
  });

chromium.describe('the session time limits in the panel', () => {
  it('warns before the idle end in Chinese, and 继续使用 keeps the user signed in', async () => {
    await loginThroughForm(page, app.url, 'nanchangxian');
    const signedInAt = Date.now();
    await warning().waitFor({ timeout: IDLE_MS + 5000 });
    // Not before its time: the warning comes in the last WARNING_MS of the idle time.
    expect(Date.now() - signedInAt).toBeGreaterThan(IDLE_MS - WARNING_MS - 1500);
    const text = await warning().innerText();
    expect(text).toContain('即将自动退出登录');
    expect(text).toMatch(/将在 \d+ 秒后自动退出登录/);
    expect(text).toContain('继续使用');
    expect(text).toContain('退出');
    await screenshot(page, 'session-warning');
    await page.getByTestId('session-continue').click();
    await warning().waitFor({ state: 'detached' });
    const after = await serverSays();
    expect(after.status).toBe(200);
    expect(after.body.idleLeftMs).toBeGreaterThan(IDLE_MS - 3000);
    // Past the idle time since login, within it since 继续使用: still at work.
    await page.waitForTimeout(Math.max(0, signedInAt + IDLE_MS + 1000 - Date.now()));
    expect((await serverSays()).status).toBe(200);
    expect(page.url()).not.toContain('/admin/login');
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('without an answer the session ends at the idle time and the login page says why, once', async () => {
    await page.goto(`${app.url}/admin/resources/ProcurementUnit`);
    await page.locator('tr[data-id]').first().waitFor();
    await warning().waitFor({ timeout: IDLE_MS + 5000 });
    await page.waitForURL((url) => url.pathname === '/admin/login', { timeout: WARNING_MS + 15_000 });
    const reason = page.getByTestId('session-ended');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('长时间未操作，已自动退出，请重新登录');
    await screenshot(page, 'session-ended-idle');
    // Ended on the server, not only on this page: the panel sends the browser to the login page.
    await page.goto(`${app.url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('退出 in the warning signs out at once', async () => {
    await loginThroughForm(page, app.url, 'nanchangxian');
    await warning().waitFor({ timeout: IDLE_MS + 5000 });
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/login'), page.getByTestId('session-logout').click()]);
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    expect((await serverSays()).status).toBe(401);
  });

  it('a session ended elsewhere (the security administrator): the next click lands on the login page, with no English alert', async () => {
    await loginThroughForm(page, app.url, 'nanchangxian');
    await page.goto(`${app.url}/admin/resources/ProcurementUnit`);
    await page.locator('tr[data-id]').first().waitFor();
    const { cookies } = await page.context().storageState();
    const sid = decodeURIComponent(cookies.find((c) => c.name === 'jxcg.sid')!.value)
      .slice(2)
      .split('.')[0]!;
    expect(await Session.destroy({ where: { sid } })).toBe(1);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/admin/login'),
      page.getByRole('link', { name: '查看采购单位信息' }).first().click(),
    ]);
    expect(dialogs).toEqual([]);
  });

  it('在线会话: the security administrator sees the signed-in office in words and ends its session, which is then signed out', async () => {
    const victim = await openPanelPage(browser, app.url);
    await loginThroughForm(victim.page, app.url, 'nanchangxian');
    const { cookies } = await victim.page.context().storageState();
    const sid = decodeURIComponent(cookies.find((c) => c.name === 'jxcg.sid')!.value)
      .slice(2)
      .split('.')[0]!;
    const handle = (await Session.findByPk(sid))!.handle!;
    // The office goes on working meanwhile (a minute's steps here are longer than the 10 s idle time).
    const victimWorks = () => victim.page.evaluate(() => fetch('/admin/session/renew', { method: 'POST' }).then((r) => r.status));
    await page.goto(`${app.url}/admin/logout`);
    await loginThroughForm(page, app.url, 'security');
    expect(await victimWorks()).toBe(200);
    await page.goto(`${app.url}/admin/resources/ActiveSession`);
    const row = page.locator(`tr[data-id="${handle}"]`);
    await row.waitFor();
    const words = await row.innerText();
    expect(words).toContain('南昌县采购办');
    expect(words).toContain('县区采购办');
    expect(words).toContain('南昌县');
    expect(words).not.toMatch(/\bcounty\b|360121/);
    await screenshot(page, 'active-sessions');
    expect(await victimWorks()).toBe(200);
    await page.goto(`${app.url}/admin/resources/ActiveSession/records/${handle}/endSession`);
    const form = page.getByTestId('supervisory-action-form');
    await form.waitFor();
    expect(await victimWorks()).toBe(200);
    expect(await form.innerText()).toContain('南昌县采购办（nanchangxian）');
    await page.locator('textarea').fill('离岗未退出');
    await page.getByTestId('action-submit').click();
    await page.getByText('已结束 南昌县采购办 的会话，该用户需重新登录').waitFor();
    // The office's next click lands on the login page; its page's own session check may get there first, and a click
    // racing that check's navigation is aborted by it.
    await victim.page.goto(`${app.url}/admin/resources/ProcurementUnit`).catch(() => undefined);
    await victim.page.waitForURL((url) => url.pathname === '/admin/login');
    expect(new URL(victim.page.url()).pathname).toBe('/admin/login');
    await victim.page.close();
    expect(dialogs).toEqual([]);
  });

  it('the login page names the absolute limit when a session outlived it', async () => {
    await page.context().addCookies([{ name: 'jxcg.ended', value: encodeURIComponent('absolute:12'), url: `${app.url}/admin/login` }]);
    await page.goto(`${app.url}/admin/login`);
    const reason = page.getByTestId('session-ended');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('登录已超过 12 小时，已自动退出，请重新登录');
    await screenshot(page, 'session-ended-absolute');
  });
});
