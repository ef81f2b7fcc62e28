import { expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { chinaDay } from '../../domain/dates.js';
import { Affiliation, AgreementCategory, AgreementGoods, AgreementSupplier, ProcurementUnit } from '../../db/models.js';
import { browserSession, screenshot } from './browser.js';

/** Issue #26 item 7 in Chromium: what the forms say before acting, and how they refuse. One browser, one app. */
const s = await browserSession('浏览器端到端测试（操作表单：解除隶属关系、拒绝原因、字数、金额、通知）', { username: 'nanchangxian' });

const COUNTY = '360121';

async function openAction(resource: string, id: number, action: string): Promise<void> {
  await s.page.goto(`${s.app.url}/admin/resources/${resource}/records/${id}/${action}`);
  await s.page.getByTestId('action-submit').waitFor();
}

/** AdminJS's notice of a refused form (the words of actions/form-refusal.ts). */
const refusedNotice = () => s.page.getByTestId('notice-wrapper').getByText('提交的内容有误');

s.describe('action forms in the browser (南昌县采购办)', () => {
  it('the unbind form shows the affiliation it cuts; the reason box counts and refuses, never cuts, a longer text', async () => {
    const affiliation = (await Affiliation.findOne({ where: { regionCode: COUNTY, status: 'confirmed' }, order: [['id', 'DESC']] }))!;
    const supervising = (await ProcurementUnit.findByPk(affiliation.supervisingUnitId))!;
    await openAction('Affiliation', affiliation.id, 'unbindAffiliation');
    expect(await s.page.getByTestId('detail-主管预算单位').innerText()).toContain(supervising.name);
    expect(await s.page.getByTestId('detail-所属辖区').innerText()).toBe('南昌县（360121）');
    expect(await s.page.getByTestId('detail-确认时间').innerText()).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}/);

    const counter = s.page.getByTestId('reason-counter');
    expect(await counter.innerText()).toBe('0/500');
    const box = s.page.locator('textarea[name="reason"]');
    await box.fill('下级单位选错主管预算单位');
    expect(await counter.innerText()).toBe('12/500');
    const long = '误'.repeat(501);
    await box.fill(long);
    // Kept whole (no maxlength cut), counted and marked.
    expect(await box.inputValue()).toBe(long);
    expect(await counter.innerText()).toBe('501/500');
    expect(await s.page.getByTestId('reason-error').innerText()).toBe('原因不能超过 500 个字（当前 501 个字）');
    await s.page.getByTestId('action-submit').click();
    expect(await s.page.getByTestId('action-error').innerText()).toBe('原因不能超过 500 个字（当前 501 个字）');
    await screenshot(s.page, 'action-form-reason-too-long');
    await affiliation.reload();
    expect(affiliation.status).toBe('confirmed');

    await box.fill('下级单位选错主管预算单位（端到端测试）');
    const [response] = await Promise.all([
      s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/unbindAffiliation')),
      s.page.getByTestId('action-submit').click(),
    ]);
    expect(((await response.json()) as { notice: { type: string } }).notice.type).toBe('success');
    await s.page.waitForURL((url) => url.pathname === '/admin/resources/Affiliation');
    await s.page.getByText('已解除隶属关系').first().waitFor();
    // The refusal typed before was the form's own: nothing of it follows the success onto the list.
    expect(await s.page.getByTestId('action-error').count()).toBe(0);
    expect(await s.page.getByTestId('notice-wrapper').getByText('原因不能超过').count()).toBe(0);
    expect(s.foreign).toEqual([]);
  });

  it('approving a 不一致 unit: the button is disabled and the reason stands beside it', async () => {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: COUNTY, status: 'submitted', budgetCodeVerdict: 'mismatch' } }))!;
    await openAction('ProcurementUnit', unit.id, 'approve');
    expect(await s.page.getByTestId('detail-核对结果').innerText()).toBe('不一致');
    expect(await s.page.getByTestId('action-submit').isDisabled()).toBe(true);
    const refusal = await s.page.getByTestId('refusal').innerText();
    expect(refusal).toContain('不一致');
    expect(refusal).toContain(unit.unitBudgetCode);
    // Beside the button, on the same line.
    const [button, reason] = await Promise.all([
      s.page.getByTestId('action-submit').boundingBox(),
      s.page.getByTestId('refusal').boundingBox(),
    ]);
    expect(reason!.x).toBeGreaterThan(button!.x + button!.width - 1);
    expect(Math.abs(reason!.y + reason!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(reason!.height);
    await screenshot(s.page, 'action-form-refused-disabled');
  });

  it('a goods form keeps 4999.999 as typed, names every bad field at once, and a success leaves no stale notice', async () => {
    const leaf = (await AgreementCategory.findOne({ where: { libraryRegionCode: COUNTY, isLeaf: true }, order: [['code', 'ASC']] }))!;
    const branch = (await AgreementCategory.findOne({ where: { libraryRegionCode: COUNTY, isLeaf: false }, order: [['code', 'ASC']] }))!;
    const today = chinaDay();
    const valid = (await AgreementSupplier.findOne({
      where: { libraryRegionCode: COUNTY, status: 'active', validFrom: { [Op.lte]: today }, validTo: { [Op.gte]: today } },
    }))!;
    await s.page.goto(`${s.app.url}/admin/resources/AgreementGoods/actions/new`);
    const price = s.page.locator('[data-testid="property-edit-unitPrice"] input');
    await price.waitFor();
    await price.pressSequentially('4999.999');
    expect(await price.inputValue()).toBe('4999.999');
    const priceError = s.page.getByTestId('amount-error-unitPrice');
    expect(await priceError.innerText()).toBe('协议单价最多 2 位小数（填写的 4999.999 有 3 位），请改正，系统不会自动舍入');
    await price.fill('-5');
    expect(await priceError.innerText()).toBe('协议单价必须大于 0');

    // A text's declared limit is shown and counted as it is typed; a longer one stays whole, marked as the server will refuse it.
    const name = s.page.locator('[data-testid="property-edit-name"] input');
    const nameCounter = s.page.getByTestId('text-name-counter');
    expect(await nameCounter.innerText()).toBe('0/200');
    await name.fill('台式计算机');
    expect(await nameCounter.innerText()).toBe('5/200');
    await name.fill('商'.repeat(201));
    expect(await name.inputValue()).toHaveLength(201);
    expect(await nameCounter.innerText()).toBe('201/200');
    expect(await s.page.getByTestId('text-name-error').innerText()).toBe('商品名称不能超过 200 个字（当前 201 个字）');
    await name.fill('');

    // The category drop-down offers leaves only.
    const category = s.page.locator('[data-testid="property-edit-categoryId"] input').first();
    await category.click();
    await category.fill(branch.title);
    await s.page.getByText('无可选项').waitFor();
    await category.fill(leaf.code);
    await s.page.getByRole('option', { name: leaf.title }).first().waitFor();
    await category.press('Escape');

    const save = async () => {
      const [response] = await Promise.all([
        s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/AgreementGoods/actions/new')),
        s.page.getByTestId('button-save').click(),
      ]);
      return (await response.json()) as { notice?: { type: string }; record?: { errors?: Record<string, unknown> } };
    };
    const refused = await save();
    expect(Object.keys(refused.record!.errors!).sort()).toEqual(['brand', 'categoryId', 'modelNo', 'name', 'supplierId', 'unitPrice']);
    for (const path of ['categoryId', 'supplierId', 'name', 'brand', 'modelNo'])
      await s.page.locator(`[data-testid="property-edit-${path}"]`).getByText(/请/).first().waitFor();
    expect(await priceError.innerText()).toBe('协议单价必须大于 0');
    await screenshot(s.page, 'action-form-all-errors');

    await category.click();
    await category.fill(leaf.code);
    await s.page.getByRole('option', { name: leaf.title }).first().click();
    const supplier = s.page.locator('[data-testid="property-edit-supplierId"] input').first();
    await supplier.click();
    await supplier.fill(valid.supplierName.slice(0, 4));
    await s.page.getByRole('option', { name: valid.title }).first().click();
    for (const [path, value] of [
      ['name', '台式计算机（端到端测试）'],
      ['brand', '联想'],
      ['modelNo', 'E2E-FORMS'],
    ])
      await s.page.locator(`[data-testid="property-edit-${path}"] input`).fill(value!);
    // Refused once more for the price alone, then corrected at once: the refusal's notice is still up when the success comes.
    const again = await save();
    expect(Object.keys(again.record!.errors!)).toEqual(['unitPrice']);
    await refusedNotice().first().waitFor();
    await price.fill('4999.90');
    expect(await priceError.innerText()).toBe('');
    const saved = await save();
    expect(saved.notice?.type).toBe('success');
    await s.page.getByTestId('notice-wrapper').getByText('成功').first().waitFor();
    // The refusal's notice went when the success came.
    expect(await refusedNotice().count()).toBe(0);
    const goods = (await AgreementGoods.findOne({ where: { modelNo: 'E2E-FORMS' } }))!;
    expect(String(goods.unitPrice)).toMatch(/^4999\.90?$/);
    expect(s.foreign).toEqual([]);
  });
});
