import { expect, it } from '@jest/globals';
import { ContractFiling, PaymentMiddleRecord } from '../../db/models.js';
import { drainJobs } from '../support/test-app.js';
import { browserSession, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（手动推送合同备案）', { username: 'nanchangxian' });

s.describe('新-手动推送合同备案 in the browser (南昌县采购办)', () => {
  it('pushes a filing and then sees 已推送 with the time', async () => {
    const filing = (await ContractFiling.findOne({ where: { contractNo: 'HT-2026-360121.A01' } }))!;
    await s.page.goto(`${s.app.url}/admin/resources/ManualPushFiling`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const header = await s.page.locator('thead').first().innerText();
    for (const heading of ['合同编号', '采购方式', '预算年度', '预算类型', '触发日期', '推送状态', '推送条件'])
      expect(header).toContain(heading);
    await screenshot(s.page, 'manual-push-list');

    await s.page.goto(`${s.app.url}/admin/resources/ManualPushFiling/records/${filing.id}/pushToIntegration`);
    await s.page.getByTestId('action-submit').waitFor();
    expect(await s.page.getByTestId('detail-推送条件').innerText()).toBe('满足');
    const [response] = await Promise.all([
      s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/pushToIntegration')),
      s.page.getByTestId('action-submit').click(),
    ]);
    expect(((await response.json()) as any).notice.type).toBe('success');
    await drainJobs(s.app);

    await s.page.goto(`${s.app.url}/admin/resources/ManualPushFiling/records/${filing.id}/show`);
    const shown = s.page.locator('section').filter({ hasText: '推送状态' }).first();
    await s.page.getByText('已推送').first().waitFor();
    expect(await shown.innerText()).toContain('推送时间');
    await filing.reload();
    expect(filing.pushStatus).toBe('pushed');
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: filing.id } })).toBe(1);
    await screenshot(s.page, 'manual-push-done');
    expect(s.foreign).toEqual([]);
  });

  it('shows why a blocked filing cannot be pushed', async () => {
    const filing = (await ContractFiling.findOne({ where: { contractNo: 'HT-2022-360121.L01' } }))!;
    await s.page.goto(`${s.app.url}/admin/resources/ManualPushFiling/records/${filing.id}/pushToIntegration`);
    const refusal = await s.page.getByTestId('refusal').innerText();
    expect(refusal).toContain('缺少合同名称');
    expect(refusal).toContain('需先删除验收单');
  });

  it('a bulk push shows its progress, N of M, and what it refused', async () => {
    const pushable = await ContractFiling.findAll({
      where: { regionCode: '360121', pushVerdict: 'pushable', pushStatus: ['not_pushed', 'failed'] },
    });
    const blocked = (await ContractFiling.findOne({ where: { contractNo: 'HT-2021-360121.O01' } }))!;
    expect(pushable.length).toBeGreaterThanOrEqual(2);
    const ids = [...pushable.map((f) => f.id), blocked.id];
    await s.page.goto(`${s.app.url}/admin/resources/ManualPushFiling/bulk/pushToIntegrationBulk?recordIds=${ids.join(',')}`);
    await s.page.getByRole('button', { name: '批量推送' }).click();
    const summary = await s.page.getByTestId('bulk-summary').innerText();
    expect(summary).toContain(`已处理 ${pushable.length} 条，未处理 1 条`);
    expect(summary).toContain('HT-2021-360121.O01：不能推送');
    expect(summary).toContain('原支付方式');
    await s.page.getByText(`进度：${pushable.length} / ${pushable.length} 已完成（其中失败 0）`).waitFor();
    await screenshot(s.page, 'manual-push-bulk');
    for (const f of pushable) expect((await f.reload()).pushStatus).toBe('pushed');
  });
});
