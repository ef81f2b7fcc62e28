import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { AuditLog, ContractFiling, IntegrationBudget, IntegrationInbox } from '../../resources/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../server/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { startTestApp, drainJobs } from '../support/test-app.js';
import { BROWSER_TEST_TIMEOUT, launchBrowserOrSkip, openPanelPage, loginThroughForm, screenshot } from './browser.js';

jest.setTimeout(BROWSER_TEST_TIMEOUT);

let browser: Browser | null = null;
let app: Awaited<ReturnType<typeof startTestApp>> | null = null;
let page: Page;
let foreign: string[];

beforeAll(async () => {
  browser = await launchBrowserOrSkip('浏览器端到端测试（一体化预算、重置预算匹配）');
  if (!browser) return;
  app = await startTestApp();
  const items: object[] = simulatedBudgets(36, { seed: 51 });
  items[5] = { ...items[5], amount: '十万元' };
  await postBatch(app.url, { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET }, 'budgets', items);
  await drainJobs(app);
  ({ page, foreign } = await openPanelPage(browser, app.url));
  await loginThroughForm(page, app.url, 'nanchangxian');
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('一体化 in the browser (南昌县采购办)', () => {
  it('lists the county\'s budget lines with Chinese headings and labels, and no other region\'s', async () => {
    if (!browser || !app) return;
    await page.goto(`${app.url}/admin/resources/IntegrationBudget`);
    await page.locator('tr[data-id]').first().waitFor();
    const header = await page.locator('thead').first().innerText();
    for (const heading of ['指标ID', '预算年度', '预算项目', '金额（元）', '匹配状态']) expect(header).toContain(heading);
    const body = await page.locator('tbody').first().innerText();
    expect(body).toContain('已匹配');
    expect(body).not.toContain('matched');
    const foreignLine = (await IntegrationBudget.findOne({ where: { regionCode: '360700' } }))!;
    expect(await page.getByText(foreignLine.budgetLineId).count()).toBe(0);
    await screenshot(page, 'integration-budgets');
    expect(foreign).toEqual([]);
  });

  it('resets a wrong budget match with a reason, and refuses one whose filing was pushed', async () => {
    if (!browser || !app) return;
    const budget = (await IntegrationBudget.findOne({ where: { regionCode: '360121', matchStatus: 'matched', fiscalYear: 2021 } }))!;
    await page.goto(`${app.url}/admin/resources/IntegrationBudget/records/${budget.id}/resetBudgetMatch`);
    await page.getByTestId('action-submit').waitFor();
    expect(await page.getByTestId('detail-指标ID').innerText()).toBe(budget.budgetLineId);
    await page.locator('textarea[name="reason"]').fill('采购人匹配错了项目（端到端测试）');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/resetBudgetMatch')),
      page.getByTestId('action-submit').click(),
    ]);
    expect(((await response.json()) as any).notice.type).toBe('success');
    await budget.reload();
    expect(budget.matchStatus).toBe('unmatched');

    const filing = (await ContractFiling.findOne({ where: { regionCode: '360121', pushStatus: 'pushed' } }))!;
    const blocked = (await IntegrationBudget.findOne({ where: { budgetLineId: filing.budgetLineId! } }))!;
    await page.goto(`${app.url}/admin/resources/IntegrationBudget/records/${blocked.id}/resetBudgetMatch`);
    const refusal = await page.getByTestId('refusal').innerText();
    expect(refusal).toContain(filing.contractNo);
    await screenshot(page, 'integration-reset-refused');
    await blocked.reload();
    expect(blocked.matchStatus).toBe('matched');
  });

  it('shows a batch\'s per-item errors to an admin, and the reset in the budget line\'s history', async () => {
    if (!browser || !app) return;
    const { page: admin, foreign: adminForeign } = await openPanelPage(browser, app.url);
    await loginThroughForm(admin, app.url, 'admin');
    const batch = (await IntegrationInbox.findOne({ where: { kind: 'budgets' } }))!;
    await admin.goto(`${app.url}/admin/resources/IntegrationInbox/records/${batch.id}/show`);
    const errors = admin.getByTestId('item-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('逐项错误');
    expect(text).toMatch(/5\s+amount\s+应为金额/);
    await screenshot(admin, 'integration-batch');

    const reset = (await AuditLog.findOne({ where: { resourceId: 'IntegrationBudget', action: 'resetBudgetMatch' } }))!;
    await admin.goto(`${app.url}/admin/resources/IntegrationBudget/records/${reset.recordId}/show`);
    const history = await admin.getByTestId('record-history').innerText();
    expect(history).toContain('重置预算匹配');
    expect(history).toContain('匹配状态: 已匹配 → 未匹配');
    expect(history).toMatch(/匹配的采购项目: \S+ → （空）/);
    expect(history).toContain('采购人匹配错了项目（端到端测试）');
    expect(adminForeign).toEqual([]);
    await admin.close();
  });
});
