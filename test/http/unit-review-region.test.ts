import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntegrationUnit, ProcurementUnit } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * Point 9: a county's approval compares the unit only with what its own region's 一体化 pushed. Another region's unit
 * of the same name (or credit code) is named by region, never used, never shown.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
let units: ProcurementUnit[];

const detailsOf = (body: any): Record<string, string> => Object.fromEntries(body.details.map((d: any) => [d.label, d.value]));
const ownPushed = (unit: ProcurementUnit) =>
  IntegrationUnit.findOne({ where: { unitBudgetCode: unit.unitBudgetCode, regionCode: '360121' } }).then((u) => u!);
const pushFromZhanggong = (unit: ProcurementUnit, unitBudgetCode: string, creditCode: string | null) =>
  IntegrationUnit.create({
    unitBudgetCode,
    unitName: unit.name,
    creditCode,
    regionCode: '360702',
    sourceUpdatedAt: new Date(),
  });

beforeAll(async () => {
  app = await startTestApp();
  county = await login(app.url, 'nanchangxian');
  units = await ProcurementUnit.findAll({
    where: { regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'match' },
    order: [['id', 'ASC']],
    limit: 3,
  });
  expect(units).toHaveLength(3);
});
afterAll(async () => {
  await app.stop();
});

describe("approve compares with the own region's 一体化 unit only", () => {
  it("a same-named unit 章贡区 pushed first does not stand in for the county's own, which it re-pushed since", async () => {
    const unit = units[0]!;
    await pushFromZhanggong(unit, '3607029901', null);
    // 南昌县's record re-pushed after 章贡区's, without a credit code: it is found by name, as the other is.
    const own = await ownPushed(unit);
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = own.get({ plain: true });
    await own.destroy();
    await IntegrationUnit.create({ ...fields, creditCode: null });

    const form = await county.get(api.record('ProcurementUnit', unit.id, 'approve'));
    const values = detailsOf(form.body);
    expect(values['一体化平台的预算编码']).toBe(unit.unitBudgetCode);
    expect(values['核对结果']).toBe('一致');
    expect(values['其他辖区']).toBe('一体化平台在其他辖区（章贡区）有同名单位，未用于比对');
    expect(JSON.stringify(form.body.details)).not.toContain('3607029901');
    expect(form.body.refusal).toBeNull();

    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'approve'), { reason: '与本县一体化一致' });
    expect(body.notice).toMatchObject({ type: 'success' });
    await unit.reload();
    expect(unit).toMatchObject({ status: 'approved', formalMember: true, integrationBudgetCode: unit.unitBudgetCode });
  });

  it("another region's unit carrying the same credit code is not preferred over the own region's by name", async () => {
    const unit = units[1]!;
    await (await ownPushed(unit)).update({ creditCode: null });
    await pushFromZhanggong(unit, '3607029902', unit.creditCode);

    const form = await county.get(api.record('ProcurementUnit', unit.id, 'approve'));
    const values = detailsOf(form.body);
    expect(values['一体化平台的预算编码']).toBe(unit.unitBudgetCode);
    expect(values['核对结果']).toBe('一致');
    expect(values['其他辖区']).toBe('一体化平台在其他辖区（章贡区）有同名或统一社会信用代码相同的单位，未用于比对');

    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'approve'), {});
    expect(body.notice).toMatchObject({ type: 'success' });
    await unit.reload();
    expect(unit.status).toBe('approved');
  });

  it("a unit only another region's 一体化 holds is missing here: refused, naming the region and nothing else of it", async () => {
    const unit = units[2]!;
    await (await ownPushed(unit)).destroy();
    await pushFromZhanggong(unit, '3607029903', unit.creditCode);

    const form = await county.get(api.record('ProcurementUnit', unit.id, 'approve'));
    const values = detailsOf(form.body);
    expect(values['一体化平台的预算编码']).toBe('（无）');
    expect(values['核对结果']).toBe('一体化无此单位');
    expect(form.body.refusal).toContain('一体化平台无此单位');
    expect(form.body.refusal).toContain('一体化平台在其他辖区（章贡区）有同名或统一社会信用代码相同的单位，未用于比对');
    expect(JSON.stringify(form.body)).not.toContain('3607029903');

    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'approve'), {});
    expect(body.notice.type).toBe('error');
    expect(body.notice.message).toContain('章贡区');
    expect(body.notice.message).not.toContain('3607029903');
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });
});
