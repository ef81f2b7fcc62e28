import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op, type WhereOptions } from 'sequelize';
import {
  AuditLog,
  BudgetOverview,
  ContractFiling,
  IntegrationBudget,
  ProcurementUnit,
  ProcurementProject,
  VirtualBudget,
} from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou', 'gongguanban'])
    clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

const unit = (where: WhereOptions<ProcurementUnit>) => ProcurementUnit.findOne({ where, order: [['id', 'ASC']] }).then((u) => u!);
const form = (procurementUnitId: number, overrides: Record<string, unknown> = {}) => ({
  procurementUnitId,
  fiscalYear: '2026',
  projectName: '2026年物业管理服务（测试新增）',
  category: 'services',
  amount: '360000.00',
  fundSource: '一般公共预算',
  scenario: 'multi_year_service',
  remark: '',
  ...overrides,
});
const create = (client: Client, payload: Record<string, unknown>) => client.post(api.resourceAction('VirtualBudget', 'new'), payload);

describe('预算管理: one list of 一体化 lines and virtual budgets', () => {
  it("shows both kinds, each within the user's jurisdiction, and filters by kind", async () => {
    const { body } = await clients.nanchang!.get(api.list('BudgetOverview'));
    const kinds = new Set(body.records.map((r: any) => r.params.kind));
    expect(kinds).toEqual(new Set(['integrated', 'virtual']));
    for (const r of body.records) expect(r.params.regionCode).toMatch(/^3601/);
    const virtual = await clients.nanchang!.get(api.list('BudgetOverview', '&filters.kind=virtual'));
    expect(virtual.body.records.length).toBeGreaterThan(0);
    for (const r of virtual.body.records) expect(r.params).toMatchObject({ kind: 'virtual', budgetNo: expect.stringMatching(/^XN2026/) });
  });

  it('offers 新增预算 and never new, edit or delete on 一体化 lines', async () => {
    const { body } = await clients.nanchang!.get(api.list('BudgetOverview'));
    const line = body.records.find((r: any) => r.params.kind === 'integrated');
    expect(line.recordActions.map((a: any) => a.name).sort()).toEqual(['openBudgetSource', 'show']);
    const opened = await clients.nanchang!.get(api.record('BudgetOverview', line.params.id, 'openBudgetSource'));
    expect(opened.body.redirectUrl).toBe(`/admin/resources/IntegrationBudget/records/${line.params.sourceId}/show`);
    const budget = await IntegrationBudget.findOne({ where: { regionCode: '360100' } });
    for (const [url, payload] of [
      [api.resourceAction('IntegrationBudget', 'new'), { budgetLineId: 'ZB-FAKE', amount: '1' }],
      [api.record('IntegrationBudget', budget!.id, 'edit'), { amount: '1.00' }],
      [api.record('IntegrationBudget', budget!.id, 'delete'), {}],
      [api.resourceAction('BudgetOverview', 'new'), { projectName: 'x' }],
    ] as const) {
      const response = await clients.nanchang!.post(url, payload);
      expect(response.body.record.baseError.type).toBe('ForbiddenError');
    }
    await budget!.reload();
    expect(await IntegrationBudget.count({ where: { budgetLineId: 'ZB-FAKE' } })).toBe(0);
    const add = await clients.nanchang!.get(api.resourceAction('BudgetOverview', 'newVirtualBudget'));
    expect(add.body.redirectUrl).toBe('/admin/resources/VirtualBudget/actions/new');
  });
});

describe('新增预算 (VirtualBudget)', () => {
  it("the unit drop-down offers only approved units of the user's jurisdiction", async () => {
    const { body } = await clients.nanchang!.get(api.search('FormalMemberUnit', ''));
    expect(body.records.length).toBeGreaterThan(0);
    const ids = body.records.map((r: any) => Number(r.id));
    const units = await ProcurementUnit.findAll({ where: { id: { [Op.in]: ids } } });
    for (const u of units) {
      expect(u.formalMember).toBe(true);
      expect(u.regionCode).toMatch(/^3601/);
    }
  });

  it("creates a budget for an approved unit of the user's own region, numbered, audited and listed", async () => {
    const approved = await unit({ regionCode: '360100', formalMember: true });
    const forged = await create(clients.nanchang!, form(approved.id, { regionCode: '360700' }));
    expect(forged.body.record.errors.regionCode.message).toBe('赣州市不在您的管辖范围内');
    const { body } = await create(
      clients.nanchang!,
      form(approved.id, { regionCode: '360100', createdBy: 'someone-else', budgetNo: 'X1' }),
    );
    expect(body).toMatchObject({ notice: { type: 'success' } });
    const created = (await VirtualBudget.findOne({
      where: { projectName: '2026年物业管理服务（测试新增）', procurementUnitId: approved.id },
    }))!;
    expect(created).toMatchObject({
      regionCode: '360100',
      createdBy: 'nanchang',
      scenario: 'multi_year_service',
      fundSource: '一般公共预算',
      budgetNo: `XN2026360100${String(created.id).padStart(5, '0')}`,
      linkedBudgetLineId: null,
    });
    expect(Number(created.amount)).toBe(360000);
    const audit = await AuditLog.findOne({ where: { resourceId: 'VirtualBudget', recordId: String(created.id), action: 'new' } });
    expect(audit?.actorUsername).toBe('nanchang');
    const listed = await BudgetOverview.findByPk(`V${created.id}`);
    expect(listed).toMatchObject({ kind: 'virtual', budgetNo: created.budgetNo, unitName: approved.name, linkStatus: 'unlinked' });
  });

  it("refuses a unit whose basic information is not approved, in the manual's words, and creates nothing", async () => {
    const pending = await unit({ regionCode: '360100', formalMember: false });
    const before = await VirtualBudget.count();
    const { body } = await create(clients.nanchang!, form(pending.id));
    expect(body.record.errors.procurementUnitId.message).toBe('采购单位必须基本信息审核通过后才能挑选');
    expect(body.notice.type).toBe('error');
    expect(await VirtualBudget.count()).toBe(before);
  });

  it('refuses a unit of another city as if it did not exist', async () => {
    const other = await unit({ regionCode: '360700', formalMember: true });
    const before = await VirtualBudget.count();
    const { body } = await create(clients.nanchang!, form(other.id));
    expect(body.record.errors.procurementUnitId.message).toBe(`所选记录 ${other.id} 不存在或不在您的辖区内`);
    expect(await VirtualBudget.count()).toBe(before);
  });

  it("a city office does not create budgets for its counties' units, nor the province for a city's", async () => {
    const countyUnit = await unit({ regionCode: '360121', formalMember: true });
    const before = await VirtualBudget.count();
    const city = await create(clients.nanchang!, form(countyUnit.id));
    expect(city.body.record.errors.procurementUnitId.message).toContain('只能为本辖区的采购单位新增或修改预算');
    const cityUnit = await unit({ regionCode: '360100', formalMember: true });
    const province = await create(clients.province!, form(cityUnit.id));
    expect(province.body.record.errors.procurementUnitId.message).toContain('只能为本辖区的采购单位新增或修改预算');
    expect(await VirtualBudget.count()).toBe(before);
    for (const name of ['gongguanban', 'admin']) {
      const response = await create(clients[name]!, form(cityUnit.id));
      expect(response.body.record.baseError.type).toBe('ForbiddenError');
    }
    expect(await VirtualBudget.count()).toBe(before);
  });

  it.each([
    ['scenario', '', '请选择新增预算的适用场景（五种之一）'],
    ['scenario', 'other', '请选择新增预算的适用场景（五种之一）'],
    ['amount', '12,000', '预算金额必须是数字（如 4999.50），不带逗号、空格或单位'],
    ['amount', '-1', '预算金额必须大于 0'],
    ['amount', '4999.999', '预算金额最多 2 位小数（填写的 4999.999 有 3 位），请改正，系统不会自动舍入'],
    ['fiscalYear', '', '请填写预算年度'],
    ['fiscalYear', '1999', '预算年度必须在 2000 至 2100 之间'],
    ['projectName', '', '请填写项目名称'],
    ['procurementUnitId', '', '请选择采购单位'],
  ])('refuses %s = %p with a Chinese field message and writes nothing', async (field, value, message) => {
    const approved = await unit({ regionCode: '360100', formalMember: true });
    const before = await VirtualBudget.count();
    const { body } = await create(clients.nanchang!, form(approved.id, { [field]: value }));
    expect(body.record.errors[field].message).toBe(message);
    expect(body.notice).toMatchObject({ type: 'error', message: '提交的内容有误，未作任何修改' });
    expect(await VirtualBudget.count()).toBe(before);
  });

  it('edits an unlinked budget (audited), never its unit, and never a budget the purchaser has linked', async () => {
    const own = (await VirtualBudget.findOne({ where: { regionCode: '360100', linkedBudgetLineId: null }, order: [['id', 'ASC']] }))!;
    const edited = await clients.nanchang!.post(
      api.record('VirtualBudget', own.id, 'edit'),
      form(own.procurementUnitId, { amount: '123456.78', scenario: 'funds_assured' }),
    );
    expect(edited.body.notice.type).toBe('success');
    await own.reload();
    expect(own).toMatchObject({ scenario: 'funds_assured', regionCode: '360100' });
    expect(Number(own.amount)).toBe(123456.78);
    const audit = await AuditLog.findOne({ where: { resourceId: 'VirtualBudget', recordId: String(own.id), action: 'edit' } });
    const changes = JSON.parse(audit!.changes!);
    expect(changes.scenario.after).toBe('funds_assured');
    expect(Number(changes.amount.after)).toBe(123456.78);

    const other = await unit({ regionCode: '360100', formalMember: true, id: { [Op.ne]: own.procurementUnitId } });
    const moved = await clients.nanchang!.post(api.record('VirtualBudget', own.id, 'edit'), form(other.id));
    expect(moved.body.record.errors.procurementUnitId.message).toContain('采购单位在新增后不能修改');
    await own.reload();
    expect(Number(own.amount)).toBe(123456.78);

    const linked = (await VirtualBudget.findOne({ where: { regionCode: '360100', linkedBudgetLineId: { [Op.ne]: null } } }))!;
    const refused = await clients.nanchang!.post(
      api.record('VirtualBudget', linked.id, 'edit'),
      form(linked.procurementUnitId, { amount: '1.00' }),
    );
    expect(refused.body.notice.message).toBe(`该新增预算已由采购单位关联一体化指标 ${linked.linkedBudgetLineId}，不能再修改`);
    const fresh = await VirtualBudget.findByPk(linked.id);
    expect(fresh!.amount).toEqual(linked.amount);
  });

  it('another city can neither see nor edit the budget', async () => {
    const own = (await VirtualBudget.findOne({ where: { regionCode: '360100' } }))!;
    const shown = await clients.ganzhou!.get(api.show('VirtualBudget', own.id));
    expect(shown.body.record.baseError.type).toBe('NotFoundError');
    const edit = await clients.ganzhou!.post(api.record('VirtualBudget', own.id, 'edit'), form(own.procurementUnitId, { amount: '1.00' }));
    expect(edit.body.record.baseError.type).toBe('NotFoundError');
    const fresh = await VirtualBudget.findByPk(own.id);
    expect(fresh!.amount).toEqual(own.amount);
    const list = await clients.ganzhou!.get(api.list('VirtualBudget'));
    for (const r of list.body.records) expect(r.params.regionCode).toMatch(/^3607/);
  });
});

describe('计划管理 project views', () => {
  it.each([
    ['ProcurementProject', (p: any) => ['pending', 'approved', 'returned'].includes(p.budgetReviewStatus)],
    ['ProjectOrganisation', (p: any) => ['centralized', 'departmental', 'decentralized'].includes(p.organisationForm)],
    ['DesignatedAgencyProject', (p: any) => p.organisationForm === 'centralized' && !!p.designatedAgency],
    ['ProjectAgencyMethod', (p: any) => ['departmental', 'decentralized'].includes(p.organisationForm) && !!p.agencyName],
    ['EntrustedAgencyProject', (p: any) => !!p.socialAgencyName],
  ])('%s lists only its own projects, in the jurisdiction, read-only', async (resource, belongs) => {
    const { body } = await clients.nanchang!.get(api.list(resource));
    expect(body.records.length).toBeGreaterThan(0);
    for (const r of body.records) {
      expect(belongs(r.params)).toBe(true);
      expect(r.params.regionCode).toMatch(/^3601/);
      expect(r.recordActions.map((a: any) => a.name)).toEqual(['show']);
    }
    const response = await clients.nanchang!.post(api.resourceAction(resource, 'new'), { name: 'x' });
    expect(response.body.record.baseError.type).toBe('ForbiddenError');
  });

  it("a project's page lists its budget lines, announcements, registrations and award notices", async () => {
    const project = (await ProcurementProject.findOne({
      where: { regionCode: '360100', stage: 'contracted', organisationForm: 'centralized' },
      order: [['id', 'ASC']],
    }))!;
    const { body } = await clients.nanchang!.get(api.show('ProcurementProject', project.id));
    const blocks = JSON.parse(body.record.params.related) as Array<{ resourceId: string; total: number; records: any[] }>;
    const byId = Object.fromEntries(blocks.map((b) => [b.resourceId, b]));
    expect(byId.ProjectBudgetLine!.total).toBe(1);
    expect(byId.Announcement!.records.map((r) => r.params.type).sort()).toEqual(['change', 'procurement', 'result', 'tender_document']);
    expect(byId.SupplierRegistration!.total).toBe(3);
    expect(byId.AwardNotice!.total).toBe(1);
    expect(byId.PaymentApplication!.total).toBe(3);
    // A flag names its subject by subjectId; every other block by projectId.
    for (const block of blocks)
      for (const r of block.records)
        expect(block.resourceId === 'RiskFlag' ? Number(r.params.subjectId) : r.params.projectId).toBe(project.id);
  });

  it("another city's project is not shown, nor its related records", async () => {
    const project = (await ProcurementProject.findOne({ where: { regionCode: '360100' } }))!;
    const { body } = await clients.ganzhou!.get(api.show('ProcurementProject', project.id));
    expect(body.record.baseError.type).toBe('NotFoundError');
    expect(body.record.params.related).toBeUndefined();
  });
});

describe('related records on existing show pages', () => {
  it('a unit lists its affiliations, budgets and filings; a filing its acceptance, pushes, vouchers and payment requests', async () => {
    const approved = await unit({ regionCode: '360121', formalMember: true });
    const { body } = await clients.nanchangxian!.get(api.show('ProcurementUnit', approved.id));
    const blocks = JSON.parse(body.record.params.related) as Array<{ resourceId: string; title: string; total: number }>;
    expect(blocks.map((b) => b.title)).toEqual([
      'relatedAsSubordinate',
      'relatedAsSupervising',
      'IntegrationBudget',
      'VirtualBudget',
      'ProcurementProject',
      'ContractFiling',
      'RiskFlag',
    ]);
    expect(blocks.find((b) => b.title === 'IntegrationBudget')!.total).toBe(
      await IntegrationBudget.count({ where: { procurementUnitId: approved.id } }),
    );
    expect(blocks.find((b) => b.title === 'relatedAsSupervising')!.total).toBeGreaterThan(0);

    const filing = (await ContractFiling.findOne({ where: { contractNo: 'HT-2026-360121.A01' } }))!;
    const shown = await clients.nanchangxian!.get(api.show('ContractFiling', filing.id));
    const filingBlocks = JSON.parse(shown.body.record.params.related) as Array<{ resourceId: string; total: number }>;
    expect(Object.fromEntries(filingBlocks.map((b) => [b.resourceId, b.total]))).toMatchObject({
      AcceptanceFiling: 1,
      PaymentMiddleRecord: 0,
    });
  });
});

describe('the order of the before hooks (AdminJS features, see resourceFeatures in panel/admin.ts)', () => {
  it('a user without the role is refused before the write guard or the resource reads the form', async () => {
    const own = (await VirtualBudget.findOne({ where: { regionCode: '360100', linkedBudgetLineId: null }, order: [['id', 'ASC']] }))!;
    const before = await VirtualBudget.count();
    // Each form would be refused field by field by a later hook (the region by the guard, the rest by the resource).
    for (const name of ['admin', 'gongguanban']) {
      const created = await create(clients[name]!, form(0, { procurementUnitId: '', regionCode: 'x', amount: '-1' }));
      expect(created.body.record.baseError.type).toBe('ForbiddenError');
      expect(created.body.record.errors).toEqual({});
    }
    const edited = await clients.admin!.post(api.record('VirtualBudget', own.id, 'edit'), form(own.procurementUnitId, { amount: '-1' }));
    expect(edited.body.record.baseError.type).toBe('ForbiddenError');
    expect(edited.body.record.errors).toEqual({});
    expect(await VirtualBudget.count()).toBe(before);
    expect((await VirtualBudget.findByPk(own.id))!.amount).toEqual(own.amount);
  });

  it("the write guard answers before the resource's own hook", async () => {
    const before = await VirtualBudget.count();
    // The resource's hook would ask for the unit; the guard refuses the foreign region first, and only that.
    const { body } = await create(clients.nanchangxian!, form(0, { procurementUnitId: '', regionCode: '360700' }));
    expect(body.record.errors).toEqual({ regionCode: { message: '赣州市不在您的管辖范围内' } });
    expect(body.notice).toMatchObject({ type: 'error', message: '提交的内容有误，未作任何修改' });
    expect(await VirtualBudget.count()).toBe(before);
  });
});
