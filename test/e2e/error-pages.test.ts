import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Op } from 'sequelize';
import { ProcurementUnit } from '../../db/models.js';
import { browserSession, loginThroughForm, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（错误页、登录页）');

const unitOf = async (regionCode: string | object) => (await ProcurementUnit.findOne({ where: { regionCode }, order: [['id', 'ASC']] }))!;

async function signInAs(username: string): Promise<void> {
  await s.page.goto(`${s.app.url}/admin/logout`);
  await loginThroughForm(s.page, s.app.url, username);
}

/** A record's show page that the user may not see: our page with a way back, none of AdminJS's planet or ids. */
async function expectRefused(page: Page, id: number, shot: string): Promise<void> {
  await page.goto(`${s.app.url}/admin/resources/ProcurementUnit/records/${id}/show`);
  const panel = page.getByTestId('panel-error-page');
  await panel.waitFor();
  expect(await panel.getAttribute('data-kind')).toBe('refused');
  const text = await panel.innerText();
  expect(text).toContain('无法查看该记录');
  expect(text).toContain('不在您的辖区内');
  expect(text).toContain('返回工作台');
  expect(text).toContain('返回审核采购单位信息列表');
  expect(text).not.toMatch(/[A-Za-z]/);
  const body = await page.locator('body').innerText();
  expect(body).not.toMatch(/ProcurementUnit|show|id:/);
  expect(await page.locator('[data-testid="NoActionError"], [data-testid="NoRecordError"], [data-testid="NoResourceError"]').count()).toBe(
    0,
  );
  // AdminJS's illustrations are inline SVG; our emblem is an image from /static.
  expect(await panel.locator('svg').count()).toBe(0);
  expect(await panel.locator('img[src="/static/emblem.svg"]').count()).toBe(1);
  await screenshot(page, shot);
}

s.describe('our own error pages and login page', () => {
  it('the login page shows our emblem, none of the framework illustrations', async () => {
    await s.page.goto(`${s.app.url}/admin/login`);
    await s.page.getByTestId('login-emblem').waitFor();
    expect(await s.page.locator('.login__Wrapper svg').count()).toBe(0);
    expect(await s.page.locator('img[src="/static/emblem.svg"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(s.page, 'login-emblem');
    expect(s.foreign).toEqual([]);
  });

  it('nanchangxian: a 南昌市 record at its show URL gets our page, and the way back leads to 工作台', async () => {
    await loginThroughForm(s.page, s.app.url, 'nanchangxian');
    await expectRefused(s.page, (await unitOf('360100')).id, 'error-record-refused-county');
    await Promise.all([
      s.page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/'),
      s.page.getByTestId('panel-error-page').getByText('返回工作台').click(),
    ]);
    await s.page.getByTestId('greeting').waitFor();
    expect(s.foreign).toEqual([]);
  });

  it('nanchangxian: its own record still shows, and 导出Excel is on the list only', async () => {
    const own = await unitOf('360121');
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit/records/${own.id}/show`);
    await s.page.getByText(own.name).first().waitFor();
    expect(await s.page.getByTestId('panel-error-page').count()).toBe(0);
    expect(await s.page.getByText('导出Excel').count()).toBe(0);
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit`);
    await s.page.locator('tr[data-id]').first().waitFor();
    expect(await s.page.getByText('导出Excel').count()).toBeGreaterThan(0);
    expect(s.foreign).toEqual([]);
  });

  it('a mistyped /admin/… address and a mistyped /… address answer 404 with our Chinese page', async () => {
    for (const [address, shot] of [
      ['/admin/resourcez/ProcurementUnit', 'error-404-admin'],
      ['/no-such-page', 'error-404-root'],
    ] as const) {
      const answer = await s.page.goto(`${s.app.url}${address}`);
      expect(answer?.status()).toBe(404);
      const body = await s.page.locator('body').innerText();
      expect(body).toContain('页面不存在');
      expect(body).toContain('返回工作台');
      expect(body).toContain(`请求编号 ${(await answer?.headerValue('x-request-id')) ?? '?'}`);
      expect(body).not.toMatch(/Cannot GET|Not Found/);
      await screenshot(s.page, shot);
    }
    // A mistyped resource, action or bulk action inside the panel's own routes: the SPA's page, not AdminJS's planet.
    for (const address of [
      '/admin/resources/NoSuchResource',
      '/admin/resources/ProcurementUnit/actions/noSuchAction',
      '/admin/resources/ProcurementUnit/bulk/noSuchBulk?recordIds=1',
    ]) {
      await s.page.goto(`${s.app.url}${address}`);
      const panel = s.page.getByTestId('panel-error-page');
      await panel.waitFor();
      expect(await panel.innerText()).toContain('页面不存在');
      expect(await s.page.locator('[data-testid="NoActionError"], [data-testid="NoResourceError"]').count()).toBe(0);
    }
    await screenshot(s.page, 'error-404-panel');
    expect(s.foreign).toEqual([]);
  });

  it('nanchang: a 赣州市 record gets our page', async () => {
    await signInAs('nanchang');
    await expectRefused(s.page, (await unitOf({ [Op.like]: '3607%' })).id, 'error-record-refused-city');
    expect(s.foreign).toEqual([]);
  });

  it('province: a record that does not exist gets the same page', async () => {
    await signInAs('province');
    const last = (await ProcurementUnit.max('id')) as number;
    await expectRefused(s.page, last + 1000, 'error-record-missing-province');
    expect(s.foreign).toEqual([]);
  });
});
