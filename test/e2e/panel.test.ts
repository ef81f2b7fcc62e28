import { expect, it } from '@jest/globals';
import { PRODUCT_NAME } from '../../panel/admin.js';
import { browserSession, loginThroughForm, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（登录、菜单、列表、退出）');

// The tests below are one walk through the panel, in order, on one page.
s.describe('the panel in a browser (南昌县采购办)', () => {
  it('the login page is in Chinese and loads nothing from outside', async () => {
    await s.page.goto(`${s.app.url}/admin/login`);
    await expect(s.page.getByText(PRODUCT_NAME).first().isVisible()).resolves.toBe(true);
    await expect(s.page.getByText('用户名').first().isVisible()).resolves.toBe(true);
    await expect(s.page.locator('input[name="email"]').isVisible()).resolves.toBe(true);
    await screenshot(s.page, 'login');
    expect(s.foreign).toEqual([]);
  });

  it('logs in through the form and shows the Chinese menu and the greeting', async () => {
    await loginThroughForm(s.page, s.app.url, 'nanchangxian');
    const sidebar = s.page.locator('[data-css="sidebar"]');
    await sidebar.getByText('主体管理', { exact: true }).waitFor();
    await sidebar.getByText('系统管理', { exact: true }).waitFor();
    const greeting = s.page.getByTestId('greeting');
    await greeting.waitFor();
    expect(await greeting.textContent()).toContain('南昌县');
    await screenshot(s.page, 'dashboard');
    expect(s.foreign).toEqual([]);
  });

  it('lists the procurement units of its county', async () => {
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit`);
    const rows = s.page.locator('tr[data-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(s.page.getByText('审核采购单位信息').first().isVisible()).resolves.toBe(true);
    const text = await s.page.locator('tbody').first().innerText();
    expect(text).toContain('南昌县');
    expect(text).not.toContain('赣州');
    // Enum values show as Chinese labels from the locale, not the stored codes.
    expect(text).toMatch(/待审核|已审核/);
    expect(text).not.toMatch(/Submitted|Approved|Mismatch/);
    await screenshot(s.page, 'procurement-unit-list');
    expect(s.foreign).toEqual([]);
  });

  it('logs out back to the login page', async () => {
    await s.page.goto(`${s.app.url}/admin/logout`);
    await s.page.waitForURL((url) => url.pathname === '/admin/login');
    await s.page.locator('input[name="email"]').waitFor();
    await expect(s.page.getByText(PRODUCT_NAME).first().isVisible()).resolves.toBe(true);
    // The session is really gone: the panel sends us back to the login page.
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit`);
    await s.page.waitForURL((url) => url.pathname === '/admin/login');
    expect(s.foreign).toEqual([]);
  });
});
