import { expect, it } from '@jest/globals';
import { browserSession, loginThroughForm, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（工作台）');

s.describe('工作台 in the browser', () => {
  it.each(['nanchangxian', 'nanchang', 'province'])('%s sees its own pending counts and charts', async (user) => {
    await s.page.goto(`${s.app.url}/admin/logout`);
    await loginThroughForm(s.page, s.app.url, user);
    await s.page.getByTestId('pending-cards').waitFor();
    const expected = (await (await s.page.request.get(`${s.app.url}/admin/api/dashboard`)).json()) as {
      pending: Array<{ key: string; count: number }>;
    };
    expect(expected.pending.length).toBeGreaterThan(0);
    for (const card of expected.pending) {
      expect(await s.page.getByTestId(`pending-${card.key}`).getByTestId('pending-count').innerText()).toBe(String(card.count));
    }
    for (const chart of ['chart-pushes', 'chart-methods', 'chart-money']) await s.page.getByTestId(chart).locator('canvas').waitFor();
    await screenshot(s.page, `workbench-${user}`);
    await s.page.getByTestId('pending-unitReview').click();
    await s.page.waitForURL(/\/admin\/resources\/ProcurementUnit\?filters\.status=submitted/);
    await s.page.locator('tr[data-id]').first().waitFor();
    expect(await s.page.locator('thead').first().innerText()).toContain('办理时限');
    expect(s.foreign).toEqual([]);
  });
});
