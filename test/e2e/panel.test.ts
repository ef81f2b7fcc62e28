import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { PRODUCT_NAME } from '../../server/admin.js';
import { startTestApp } from '../support/test-app.js';
import { BROWSER_TEST_TIMEOUT, launchBrowserOrSkip, openPanelPage, loginThroughForm, screenshot } from './browser.js';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

let browser: Browser | null = null;
let app: Awaited<ReturnType<typeof startTestApp>> | null = null;
let page: Page;
let foreign: string[];

beforeAll(async () => {
  browser = await launchBrowserOrSkip('浏览器端到端测试（登录、菜单、列表、退出）');
  if (!browser) return;
  app = await startTestApp();
  ({ page, foreign } = await openPanelPage(browser, app.url));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// The tests below are one walk through the panel, in order, on one page.
describe('the panel in a browser (南昌县采购办)', () => {
  it('the login page is in Chinese and loads nothing from outside', async () => {
    if (!browser || !app) return;
    await page.goto(`${app.url}/admin/login`);
    await expect(page.getByText(PRODUCT_NAME).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('用户名').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('input[name="email"]').isVisible()).resolves.toBe(true);
    await screenshot(page, 'login');
    expect(foreign).toEqual([]);
  });

  it('logs in through the form and shows the Chinese menu and the greeting', async () => {
    if (!browser || !app) return;
    await loginThroughForm(page, app.url, 'nanchangxian');
    const sidebar = page.locator('[data-css="sidebar"]');
    await sidebar.getByText('主体管理', { exact: true }).waitFor();
    await sidebar.getByText('系统管理', { exact: true }).waitFor();
    const greeting = page.getByTestId('greeting');
    await greeting.waitFor();
    expect(await greeting.textContent()).toContain('南昌县');
    await screenshot(page, 'dashboard');
    expect(foreign).toEqual([]);
  });

  it('lists the procurement units of its county', async () => {
    if (!browser || !app) return;
    await page.goto(`${app.url}/admin/resources/ProcurementUnit`);
    const rows = page.locator('tr[data-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(page.getByText('审核采购单位信息').first().isVisible()).resolves.toBe(true);
    const text = await page.locator('tbody').first().innerText();
    expect(text).toContain('南昌县');
    expect(text).not.toContain('赣州');
    // Enum values show as Chinese labels from the locale, not the stored codes.
    expect(text).toMatch(/待审核|已审核/);
    expect(text).not.toMatch(/Submitted|Approved|Mismatch/);
    await screenshot(page, 'procurement-unit-list');
    expect(foreign).toEqual([]);
  });

  it('logs out back to the login page', async () => {
    if (!browser || !app) return;
    await page.goto(`${app.url}/admin/logout`);
    await page.waitForURL((url) => url.pathname === '/admin/login');
    await page.locator('input[name="email"]').waitFor();
    await expect(page.getByText(PRODUCT_NAME).first().isVisible()).resolves.toBe(true);
    // The session is really gone: the panel sends us back to the login page.
    await page.goto(`${app.url}/admin/resources/ProcurementUnit`);
    await page.waitForURL((url) => url.pathname === '/admin/login');
    expect(foreign).toEqual([]);
  });
});
