import { expect, it } from '@jest/globals';
import { MethodChangeRequest } from '../../db/models.js';
import { browserSession, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（交易前）', { username: 'nanchang' });

s.describe('交易前 in the browser (南昌市采购办)', () => {
  it("approves a county's change of procurement method", async () => {
    const request = (await MethodChangeRequest.findOne({
      where: { regionCode: '360121', state: 'submitted', requestedMethod: 'competitive_negotiation' },
    }))!;
    await s.page.goto(`${s.app.url}/admin/resources/MethodChangeRequest`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const header = await s.page.locator('thead').first().innerText();
    for (const heading of ['项目名称', '原采购方式', '申请采用的采购方式', '审批状态']) expect(header).toContain(heading);
    const sidebar = await s.page.locator('[data-css="sidebar"]').innerText();
    expect(sidebar).toContain('交易前');

    await s.page.goto(`${s.app.url}/admin/resources/MethodChangeRequest/records/${request.id}/approveRequest`);
    await s.page.getByTestId('action-submit').waitFor();
    expect(await s.page.getByTestId('detail-采购方式').innerText()).toBe('公开招标 → 竞争性谈判');
    await s.page.locator('textarea[name="reason"]').fill('经审查，符合竞争性谈判适用条件');
    const [response] = await Promise.all([
      s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/approveRequest')),
      s.page.getByTestId('action-submit').click(),
    ]);
    expect(((await response.json()) as any).notice.type).toBe('success');
    expect(await request.reload()).toMatchObject({
      state: 'approved',
      decidedBy: 'nanchang',
      decisionReason: '经审查，符合竞争性谈判适用条件',
    });
    await s.page.goto(`${s.app.url}/admin/resources/MethodChangeRequest/records/${request.id}/show`);
    await s.page.getByText('已批准').first().waitFor();
    await screenshot(s.page, 'method-change-approved');
    expect(s.foreign).toEqual([]);
  });
});
