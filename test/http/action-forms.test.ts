import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { chinaDay } from '../../domain/dates.js';
import {
  Affiliation,
  AgreementCategory,
  AgreementGoods,
  AgreementSupplier,
  ProcurementUnit,
  SupervisorUser,
  VirtualBudget,
} from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/** Issue #26 item 7, on the server: what the forms show before acting and what they refuse, all of it at once. */
let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
let city: Client;

beforeAll(async () => {
  app = await startTestApp();
  county = await login(app.url, 'nanchangxian');
  city = await login(app.url, 'nanchang');
});
afterAll(async () => {
  await app.stop();
});

const detailsOf = (body: any): Record<string, string> => Object.fromEntries(body.details.map((d: any) => [d.label, d.value]));

describe('decision forms', () => {
  it('the unbind form names the affiliation it cuts: both units, the region and since when', async () => {
    const affiliation = (await Affiliation.findOne({ where: { regionCode: '360121', status: 'confirmed' }, order: [['id', 'ASC']] }))!;
    const [subordinate, supervising] = await Promise.all([
      ProcurementUnit.findByPk(affiliation.subordinateUnitId),
      ProcurementUnit.findByPk(affiliation.supervisingUnitId),
    ]);
    const { body } = await county.get(api.record('Affiliation', affiliation.id, 'unbindAffiliation'));
    const details = detailsOf(body);
    expect(details['下级预算单位']).toContain(subordinate!.name);
    expect(details['主管预算单位']).toContain(supervising!.name);
    expect(details['所属辖区']).toBe('南昌县（360121）');
    expect(details['状态']).toBe('已确认');
    expect(details['申请时间']).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}/);
    expect(details['确认时间']).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}/);
    expect(body).toMatchObject({ refusal: null, reason: 'required', reasonMax: 500 });
  });

  it('a reason over 500 characters is refused with its count, never cut, and nothing changes', async () => {
    const affiliation = (await Affiliation.findOne({ where: { regionCode: '360121', status: 'confirmed' }, order: [['id', 'ASC']] }))!;
    const { body } = await county.post(api.record('Affiliation', affiliation.id, 'unbindAffiliation'), { reason: '错'.repeat(523) });
    expect(body.notice).toEqual({ type: 'error', message: '原因不能超过 500 个字（当前 523 个字）' });
    await affiliation.reload();
    expect(affiliation.status).toBe('confirmed');
    expect(affiliation.unbindReason).toBeNull();
    const exactly = await county.post(api.record('Affiliation', affiliation.id, 'unbindAffiliation'), { reason: '错'.repeat(500) });
    expect(exactly.body.notice.type).toBe('success');
    await affiliation.reload();
    expect(affiliation.unbindReason).toHaveLength(500);
  });

  it('the approve form already knows a 不一致 unit is refused; a crafted request is refused all the same', async () => {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'mismatch' } }))!;
    const form = await county.get(api.record('ProcurementUnit', unit.id, 'approve'));
    expect(form.body.refusal).toContain('不一致');
    const crafted = await county.post(api.record('ProcurementUnit', unit.id, 'approve'), { reason: '伪造' });
    // One rule: the refusal the form showed is the one the server gives.
    expect(crafted.body.notice).toEqual({ type: 'error', message: form.body.refusal });
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });
});

describe('amounts', () => {
  const budgetForm = (procurementUnitId: number, overrides: Record<string, unknown> = {}) => ({
    procurementUnitId,
    fiscalYear: '2026',
    projectName: '金额校验（测试）',
    category: 'services',
    amount: '360000.00',
    fundSource: '一般公共预算',
    scenario: 'multi_year_service',
    ...overrides,
  });
  const approvedCityUnit = () => ProcurementUnit.findOne({ where: { regionCode: '360100', formalMember: true }, order: [['id', 'ASC']] });

  it.each([
    ['-5', '预算金额必须大于 0'],
    ['0', '预算金额必须大于 0'],
    ['4999.999', '预算金额最多 2 位小数（填写的 4999.999 有 3 位），请改正，系统不会自动舍入'],
    ['4,999', '预算金额必须是数字（如 4999.50），不带逗号、空格或单位'],
  ])('预算金额 %p is refused with its own message, nothing rounded or written', async (amount, message) => {
    const unit = (await approvedCityUnit())!;
    const before = await VirtualBudget.count();
    const { body } = await city.post(api.resourceAction('VirtualBudget', 'new'), budgetForm(unit.id, { amount }));
    expect(body.record.errors.amount.message).toBe(message);
    expect(await VirtualBudget.count()).toBe(before);
  });

  it('a budget form reports every bad field in one answer', async () => {
    const unit = (await approvedCityUnit())!;
    const { body } = await city.post(
      api.resourceAction('VirtualBudget', 'new'),
      budgetForm(unit.id, { amount: '-5', projectName: '', scenario: 'whatever', fiscalYear: '1999' }),
    );
    expect(Object.keys(body.record.errors).sort()).toEqual(['amount', 'fiscalYear', 'projectName', 'scenario']);
    expect(body.record.errors.amount.message).toBe('预算金额必须大于 0');
    expect(body.notice).toMatchObject({ type: 'error', message: '提交的内容有误，未作任何修改' });
  });

  it('a goods form reports a non-leaf category, an expired supplier, a cut price and a missing brand together', async () => {
    const branch = (await AgreementCategory.findOne({ where: { libraryRegionCode: '360100', isLeaf: false }, order: [['id', 'ASC']] }))!;
    const expired = (await AgreementSupplier.findOne({ where: { libraryRegionCode: '360100', validTo: { [Op.lt]: chinaDay() } } }))!;
    const before = await AgreementGoods.count();
    const { body } = await city.post(api.resourceAction('AgreementGoods', 'new'), {
      categoryId: branch.id,
      supplierId: expired.id,
      name: '台式计算机（测试）',
      brand: '',
      modelNo: 'M-ALL',
      unitPrice: '4999.999',
    });
    expect(Object.keys(body.record.errors).sort()).toEqual(['brand', 'categoryId', 'supplierId', 'unitPrice']);
    expect(body.record.errors.categoryId.message).toContain('商品只能加在最末级品目下');
    expect(body.record.errors.supplierId.message).toContain('今天不在有效期内');
    expect(body.record.errors.unitPrice.message).toBe('协议单价最多 2 位小数（填写的 4999.999 有 3 位），请改正，系统不会自动舍入');
    expect(body.record.errors.brand.message).toBe('请填写品牌');
    const negative = await city.post(api.resourceAction('AgreementGoods', 'new'), {
      categoryId: branch.id,
      supplierId: expired.id,
      unitPrice: '-5',
    });
    expect(negative.body.record.errors.unitPrice.message).toBe('协议单价必须大于 0');
    expect(await AgreementGoods.count()).toBe(before);
  });
});

describe('long texts: the declared limit, refused with the field and the count, never cut', () => {
  const approvedCityUnit = () => ProcurementUnit.findOne({ where: { regionCode: '360100', formalMember: true }, order: [['id', 'ASC']] });
  const budgetForm = (procurementUnitId: number, overrides: Record<string, unknown> = {}) => ({
    procurementUnitId,
    fiscalYear: '2026',
    projectName: '字数校验（测试）',
    category: 'services',
    amount: '360000.00',
    fundSource: '一般公共预算',
    scenario: 'multi_year_service',
    ...overrides,
  });

  it('备注 over its 500 is refused by name, limit and count; exactly 500 (with blanks around) is kept whole', async () => {
    const unit = (await approvedCityUnit())!;
    const before = await VirtualBudget.count();
    const over = await city.post(api.resourceAction('VirtualBudget', 'new'), budgetForm(unit.id, { remark: '备'.repeat(501) }));
    expect(over.body.record.errors).toEqual({ remark: { message: '备注不能超过 500 个字（当前 501 个字）' } });
    expect(over.body.notice).toMatchObject({ type: 'error', message: '提交的内容有误，未作任何修改' });
    expect(await VirtualBudget.count()).toBe(before);

    const name = '项'.repeat(300);
    const exactly = await city.post(
      api.resourceAction('VirtualBudget', 'new'),
      budgetForm(unit.id, { projectName: name, remark: `  ${'备'.repeat(500)}\n` }),
    );
    expect(exactly.body.notice.type).toBe('success');
    const created = (await VirtualBudget.findByPk(Number(exactly.body.record.id)))!;
    expect(created.projectName).toBe(name);
    expect(created.remark).toBe('备'.repeat(500));
  });

  it('the length refusals come in the same answer as every other fault of the form', async () => {
    const unit = (await approvedCityUnit())!;
    const { body } = await city.post(
      api.resourceAction('VirtualBudget', 'new'),
      budgetForm(unit.id, { projectName: '项'.repeat(301), remark: '备'.repeat(600), amount: '-5', scenario: 'whatever' }),
    );
    expect(Object.keys(body.record.errors).sort()).toEqual(['amount', 'projectName', 'remark', 'scenario']);
    expect(body.record.errors.projectName.message).toBe('项目名称不能超过 300 个字（当前 301 个字）');
    expect(body.record.errors.remark.message).toBe('备注不能超过 500 个字（当前 600 个字）');
    expect(body.record.errors.amount.message).toBe('预算金额必须大于 0');
  });

  it('a form without length rules of its own gets the declared one, never the database driver’s words', async () => {
    const admin = await login(app.url, 'admin');
    const { body } = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
      username: 'toolong',
      displayName: '很长的采购办'.repeat(9),
      role: 'city',
      regionCode: '360400',
      active: true,
      password: '123',
    });
    expect(body.record.errors.displayName.message).toBe('姓名/单位不能超过 50 个字（当前 54 个字）');
    expect(Object.keys(body.record.errors).sort()).toEqual(['displayName', 'password']);
    expect(await SupervisorUser.count({ where: { username: 'toolong' } })).toBe(0);
  });
});

describe("a form's drop-downs offer only what may be chosen", () => {
  const search = (client: Client, resource: string, choosable: boolean) =>
    client.get(`${api.resourceAction(resource, 'search')}?perPage=500${choosable ? '&filters.choosable=true' : ''}`);

  it('categories: leaves only for a form, every category for a list filter', async () => {
    const offered = await search(city, 'AgreementCategory', true);
    expect(offered.status).toBe(200);
    const ids = offered.body.records.map((r: any) => Number(r.id));
    expect(ids.length).toBeGreaterThan(0);
    const rows = await AgreementCategory.findAll({ where: { id: ids } });
    expect(rows.every((c) => c.isLeaf)).toBe(true);
    const all = await search(city, 'AgreementCategory', false);
    expect(all.body.records.length).toBeGreaterThan(ids.length);
  });

  it('suppliers: neither expired nor removed ones for a form', async () => {
    const offered = await search(city, 'AgreementSupplier', true);
    const rows = await AgreementSupplier.findAll({ where: { id: offered.body.records.map((r: any) => Number(r.id)) } });
    expect(rows.length).toBeGreaterThan(0);
    const today = chinaDay();
    for (const s of rows) {
      expect(s.status).not.toBe('removed');
      expect(s.validTo >= today && s.validFrom <= today).toBe(true);
    }
    const expired = await AgreementSupplier.count({ where: { libraryRegionCode: '360100', validTo: { [Op.lt]: today } } });
    expect(expired).toBeGreaterThan(0);
    const all = await search(city, 'AgreementSupplier', false);
    expect(all.body.records.length).toBeGreaterThan(rows.length);
  });

  it('a resource that declares nothing answers the same question with all it shows', async () => {
    const offered = await search(city, 'AgreementLibrary', true);
    const all = await search(city, 'AgreementLibrary', false);
    expect(offered.status).toBe(200);
    expect(offered.body.records.map((r: any) => r.id)).toEqual(all.body.records.map((r: any) => r.id));
  });
});
