import { expect, it } from '@jest/globals';
import { AuditLog, ContractFiling, IntegrationBudget, IntegrationInbox, ProcurementProject, ProjectBudgetLine } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { drainJobs } from '../support/test-app.js';
import { browserSession, loginThroughForm, openPanelPage, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（一体化预算、重置预算匹配）', {
  username: 'nanchangxian',
  prepare: async (app) => {
    const items: object[] = simulatedBudgets(36, { seed: 51 });
    items[5] = { ...items[5], amount: '十万元' };
    await postBatch(app.url, { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET }, 'budgets', items);
    await drainJobs(app);
  },
});

s.describe('一体化 in the browser (南昌县采购办)', () => {
  it("lists the county's budget lines with Chinese headings and labels, and no other region's", async () => {
    await s.page.goto(`${s.app.url}/admin/resources/IntegrationBudget`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const header = await s.page.locator('thead').first().innerText();
    for (const heading of ['指标ID', '预算年度', '预算项目', '金额（元）', '匹配状态']) expect(header).toContain(heading);
    const body = await s.page.locator('tbody').first().innerText();
    expect(body).toContain('已匹配');
    expect(body).not.toContain('matched');
    const foreignLine = (await IntegrationBudget.findOne({ where: { regionCode: '360700' } }))!;
    expect(await s.page.getByText(foreignLine.budgetLineId).count()).toBe(0);
    await screenshot(s.page, 'integration-budgets');
    expect(s.foreign).toEqual([]);
  });

  it('resets a wrong budget match with a reason, and refuses one whose filing was pushed', async () => {
    // A project still being planned has its line matched, and no contract uses the line yet.
    const planned = (await ProcurementProject.findOne({ where: { regionCode: '360121', stage: 'planning' }, order: [['id', 'ASC']] }))!;
    const use = (await ProjectBudgetLine.findOne({ where: { projectId: planned.id, budgetKind: 'integrated' } }))!;
    const budget = (await IntegrationBudget.findOne({ where: { budgetLineId: use.budgetNo, matchStatus: 'matched' } }))!;
    await s.page.goto(`${s.app.url}/admin/resources/IntegrationBudget/records/${budget.id}/show`);
    await s.page.getByTestId('record-history').waitFor();
    expect(await s.page.getByTestId('action-resetBudgetMatch').count()).toBe(1);
    await s.page.goto(`${s.app.url}/admin/resources/IntegrationBudget/records/${budget.id}/resetBudgetMatch`);
    await s.page.getByTestId('action-submit').waitFor();
    expect(await s.page.getByTestId('detail-指标ID').innerText()).toBe(budget.budgetLineId);
    await s.page.locator('textarea[name="reason"]').fill('采购人匹配错了项目（端到端测试）');
    const [response] = await Promise.all([
      s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/resetBudgetMatch')),
      s.page.getByTestId('action-submit').click(),
    ]);
    expect(((await response.json()) as any).notice.type).toBe('success');
    await budget.reload();
    expect(budget.matchStatus).toBe('unmatched');

    const filing = (await ContractFiling.findOne({ where: { regionCode: '360121', pushStatus: 'pushed' } }))!;
    const blocked = (await IntegrationBudget.findOne({ where: { budgetLineId: filing.budgetLineId! } }))!;
    // Not offered on a line a pushed filing uses; a crafted request in the same session is refused, naming the filing.
    await s.page.goto(`${s.app.url}/admin/resources/IntegrationBudget/records/${blocked.id}/show`);
    await s.page.getByTestId('record-history').waitFor();
    expect(await s.page.getByTestId('action-resetBudgetMatch').count()).toBe(0);
    await screenshot(s.page, 'integration-reset-not-offered');
    const crafted = await s.page.request.post(`${s.app.url}/admin/api/resources/IntegrationBudget/records/${blocked.id}/resetBudgetMatch`, {
      data: { reason: '伪造的请求（端到端测试）' },
      headers: { Origin: s.app.url },
    });
    const notice = ((await crafted.json()) as { notice: { type: string; message: string } }).notice;
    expect(notice.type).toBe('error');
    expect(notice.message).toContain(filing.contractNo);
    await blocked.reload();
    expect(blocked.matchStatus).toBe('matched');
  });

  it("shows a batch's per-item errors to an admin, and the reset in the budget line's history", async () => {
    const { page: admin, foreign: adminForeign } = await openPanelPage(s.browser, s.app.url);
    await loginThroughForm(admin, s.app.url, 'admin');
    const batch = (await IntegrationInbox.findOne({ where: { kind: 'budgets' } }))!;
    await admin.goto(`${s.app.url}/admin/resources/IntegrationInbox/records/${batch.id}/show`);
    const errors = admin.getByTestId('item-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('逐项错误');
    expect(text).toMatch(/5\s+amount\s+应为金额/);
    await screenshot(admin, 'integration-batch');

    const reset = (await AuditLog.findOne({ where: { resourceId: 'IntegrationBudget', action: 'resetBudgetMatch' } }))!;
    await admin.goto(`${s.app.url}/admin/resources/IntegrationBudget/records/${reset.recordId}/show`);
    const history = await admin.getByTestId('record-history').innerText();
    expect(history).toContain('重置预算匹配');
    expect(history).toContain('匹配状态: 已匹配 → 未匹配');
    expect(history).toMatch(/匹配的采购项目: \S+ → （空）/);
    expect(history).toContain('采购人匹配错了项目（端到端测试）');
    expect(adminForeign).toEqual([]);
    await admin.close();
  });
});
