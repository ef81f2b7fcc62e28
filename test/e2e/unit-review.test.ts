import { expect, it } from '@jest/globals';
import { Affiliation, ProcurementUnit } from '../../db/models.js';
import { browserSession, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（采购单位审核、退回、解除隶属关系）', { username: 'nanchangxian' });

const COUNTY = '360121';
const unitWhere = (where: Record<string, unknown>) =>
  ProcurementUnit.findOne({ where: { regionCode: COUNTY, ...where }, order: [['id', 'ASC']] }).then((u) => u!);

/** Opens a record action page and waits until the form has loaded what it inspects. */
async function openAction(resource: string, id: number, action: string): Promise<void> {
  await s.page.goto(`${s.app.url}/admin/resources/${resource}/records/${id}/${action}`);
  await s.page.getByTestId('action-submit').waitFor();
}

const detail = (label: string) => s.page.getByTestId(`detail-${label}`).innerText();

/** Clicks the one button and waits for the server's answer to the POST. */
async function submitAction(action: string): Promise<{ notice?: { message: string; type: string } }> {
  const [response] = await Promise.all([
    s.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${action}`)),
    s.page.getByTestId('action-submit').click(),
  ]);
  return (await response.json()) as { notice?: { message: string; type: string } };
}

const listPath = (resource: string) => (url: URL) => url.pathname === `/admin/resources/${resource}`;

s.describe('reviewing procurement units in the browser (南昌县采购办)', () => {
  it('approves a unit whose budget code matches 一体化', async () => {
    const unit = await unitWhere({ status: 'submitted', budgetCodeVerdict: 'match' });
    await openAction('ProcurementUnit', unit.id, 'approve');
    expect(await detail('单位名称')).toBe(unit.name);
    expect(await detail('单位填报的预算编码')).toBe(unit.unitBudgetCode);
    expect(await detail('一体化平台的预算编码')).toBe(unit.integrationBudgetCode);
    expect(await detail('核对结果')).toBe('一致');
    expect(await s.page.getByTestId('refusal').count()).toBe(0);
    expect(await s.page.getByTestId('action-submit').innerText()).toBe('审核通过');

    const body = await submitAction('approve');
    expect(body.notice).toMatchObject({ type: 'success' });
    await s.page.waitForURL(listPath('ProcurementUnit'));
    await s.page.getByText('审核通过，已成为正式库会员').first().waitFor();
    await unit.reload();
    expect(unit.status).toBe('approved');
    expect(unit.formalMember).toBe(true);
    expect(unit.reviewerName).toBe('南昌县采购办');
    expect(s.foreign).toEqual([]);
  });

  it('shows both codes for a mismatched unit, refuses to approve it, and changes nothing', async () => {
    const unit = await unitWhere({ status: 'submitted', budgetCodeVerdict: 'mismatch' });
    await openAction('ProcurementUnit', unit.id, 'approve');
    expect(await detail('单位填报的预算编码')).toBe(unit.unitBudgetCode);
    expect(await detail('一体化平台的预算编码')).toBe(unit.integrationBudgetCode);
    expect(await detail('核对结果')).toBe('不一致');
    const refusal = await s.page.getByTestId('refusal').innerText();
    expect(refusal).toContain('不一致');
    expect(refusal).toContain(unit.unitBudgetCode);
    expect(refusal).toContain(unit.integrationBudgetCode!);
    await screenshot(s.page, 'approve-mismatch');

    // The form already knows: the button cannot be pressed. A crafted request is refused with the same words.
    await expect(s.page.getByTestId('action-submit').isDisabled()).resolves.toBe(true);
    const crafted = await s.page.request.post(`${s.app.url}/admin/api/resources/ProcurementUnit/records/${unit.id}/approve`, {
      data: {},
      headers: { Origin: s.app.url },
    });
    const notice = ((await crafted.json()) as { notice: { type: string; message: string } }).notice;
    expect(notice).toEqual({ type: 'error', message: refusal });
    await unit.reload();
    expect(unit.status).toBe('submitted');
    expect(unit.formalMember).toBe(false);
    expect(s.foreign).toEqual([]);
  });

  it('returns a unit with the reason typed in, and insists on a reason', async () => {
    const unit = await unitWhere({ status: 'submitted', budgetCodeVerdict: 'match' });
    await openAction('ProcurementUnit', unit.id, 'reject');
    expect(await detail('单位填报的预算编码')).toBe(unit.unitBudgetCode);
    expect(await s.page.getByTestId('action-submit').innerText()).toBe('退回');

    const empty = await submitAction('reject');
    expect(empty.notice?.type).toBe('error');
    expect(await s.page.getByTestId('action-error').innerText()).toContain('请填写原因');
    await unit.reload();
    expect(unit.status).toBe('submitted');

    const reason = '联系电话与备案不一致，请核实后重新提交（端到端测试）';
    await s.page.locator('textarea[name="reason"]').fill(reason);
    const body = await submitAction('reject');
    expect(body.notice).toMatchObject({ type: 'success' });
    await s.page.waitForURL(listPath('ProcurementUnit'));
    await unit.reload();
    expect(unit.status).toBe('returned');
    expect(unit.reviewComment).toBe(reason);
    expect(unit.formalMember).toBe(false);
    expect(s.foreign).toEqual([]);
  });
});

s.describe('unbinding an affiliation in the browser', () => {
  it('unbinds a confirmed affiliation with a reason', async () => {
    const affiliation = (await Affiliation.findOne({ where: { regionCode: COUNTY, status: 'confirmed' }, order: [['id', 'ASC']] }))!;
    await openAction('Affiliation', affiliation.id, 'unbindAffiliation');
    expect(await s.page.getByTestId('action-submit').innerText()).toBe('解除隶属关系');
    const reason = '下级单位选错主管预算单位（端到端测试）';
    await s.page.locator('textarea[name="reason"]').fill(reason);
    const body = await submitAction('unbindAffiliation');
    expect(body.notice).toMatchObject({ type: 'success' });
    await s.page.waitForURL(listPath('Affiliation'));
    await affiliation.reload();
    expect(affiliation.status).toBe('unbound');
    expect(affiliation.unbindReason).toBe(reason);
    expect(affiliation.unboundBy).toBe('南昌县采购办');
    expect(s.foreign).toEqual([]);
  });
});
