import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { STANDARD_CATALOGUE } from '../../domain/agreement-catalogue.js';
import { creditCodeCheckChar } from '../../domain/credit-code.js';
import {
  AgreementCategory,
  AgreementGoods,
  AgreementLibrary,
  AgreementSupplier,
  AuditLog,
  BiddingQuote,
  BiddingRecord,
} from '../../db/models.js';
import { api, login, loginChoosingPassword, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const libraryOf = (owner: string) => AgreementLibrary.findOne({ where: { ownerRegionCode: owner } }).then((l) => l!);
const category = (owner: string, code: string) => AgreementCategory.findOne({ where: { libraryRegionCode: owner, code } }).then((c) => c!);
const supplier = (owner: string, where: object = {}) =>
  AgreementSupplier.findOne({ where: { libraryRegionCode: owner, ...where }, order: [['id', 'ASC']] }).then((s) => s!);
const owners = (body: any, field = 'libraryRegionCode') => [...new Set(body.records.map((r: any) => r.params[field]))].sort();
const goodsForm = (categoryId: number, supplierId: number, overrides: Record<string, unknown> = {}) => ({
  categoryId,
  supplierId,
  name: '台式计算机（测试）',
  brand: '联想',
  modelNo: 'M-TEST',
  specification: 'i7/32G',
  unitPrice: '5999.00',
  ...overrides,
});

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'nanchang', 'nanchangxian', 'ganzhou']) clients[name] = await login(app.url, name);
  // 东湖区 (360102) has no library of its own: it works in 南昌市's.
  const created = await clients.admin!.post(api.resourceAction('SupervisorUser', 'new'), {
    username: 'donghu',
    displayName: '东湖区采购办',
    role: 'county',
    regionCode: '360102',
    active: true,
    password: 'Tengwang#2026',
  });
  expect(created.body.notice.type).toBe('success');
  clients.donghu = await loginChoosingPassword(app.url, 'donghu', 'Tengwang#2026');
});
afterAll(async () => {
  await app.stop();
});

describe('which library a user works in', () => {
  it('a county with its own library sees only its own, in every view', async () => {
    const libraries = await clients.nanchangxian!.get(api.list('AgreementLibrary'));
    expect(owners(libraries.body, 'ownerRegionCode')).toEqual(['360121']);
    for (const resource of ['AgreementCategory', 'AgreementGoods', 'AgreementSupplier', 'BiddingRecord']) {
      const { body } = await clients.nanchangxian!.get(api.list(resource));
      expect(body.records.length).toBeGreaterThan(0);
      expect(owners(body)).toEqual(['360121']);
    }
  });

  it("a county without one sees its city's library, goods and biddings, and none of another county's", async () => {
    const libraries = await clients.donghu!.get(api.list('AgreementLibrary'));
    expect(owners(libraries.body, 'ownerRegionCode')).toEqual(['360100']);
    for (const resource of ['AgreementGoods', 'AgreementSupplier', 'BiddingRecord']) {
      const { body } = await clients.donghu!.get(api.list(resource));
      expect(owners(body)).toEqual(['360100']);
    }
    const foreign = await AgreementGoods.findOne({ where: { libraryRegionCode: '360121' } });
    const shown = await clients.donghu!.get(api.show('AgreementGoods', foreign!.id));
    expect(shown.body.record.baseError.type).toBe('NotFoundError');
  });

  it("a city sees its own and its counties' libraries; another city none of them", async () => {
    const { body } = await clients.nanchang!.get(api.list('AgreementLibrary'));
    expect(owners(body, 'ownerRegionCode')).toEqual(['360100', '360121']);
    const ganzhou = await clients.ganzhou!.get(api.list('AgreementGoods'));
    expect(owners(ganzhou.body)).toEqual(['360700']);
  });

  it("a county reads its city's library but cannot maintain it", async () => {
    const before = await AgreementGoods.count();
    const leaf = await category('360100', 'A02010105');
    const { body } = await clients.donghu!.post(
      api.resourceAction('AgreementGoods', 'new'),
      goodsForm(leaf.id, (await supplier('360100')).id),
    );
    expect(body.record.errors.categoryId.message).toContain('商品库只能由其所属辖区（南昌市）的采购办维护');
    expect(await AgreementGoods.count()).toBe(before);
    const removal = await clients.donghu!.post(api.record('AgreementSupplier', (await supplier('360100')).id, 'removeSupplier'), {
      reason: '试图移除',
    });
    expect(removal.body.notice).toMatchObject({
      type: 'error',
      message: expect.stringContaining('商品库只能由其所属辖区（南昌市）的采购办维护'),
    });
  });

  it('once a county builds its own library it works only in that one', async () => {
    const forged = await clients.donghu!.post(api.resourceAction('AgreementLibrary', 'new'), { name: '', ownerRegionCode: '360100' });
    expect(forged.body.record.errors.ownerRegionCode.message).toBe('南昌市不在您的管辖范围内');
    expect(await AgreementLibrary.count({ where: { ownerRegionCode: '360102' } })).toBe(0);
    const built = await clients.donghu!.post(api.resourceAction('AgreementLibrary', 'new'), { name: '' });
    expect(built.body.notice.type).toBe('success');
    const own = await libraryOf('360102');
    expect(own).toMatchObject({ name: '东湖区协议商品库', createdBy: 'donghu' });
    const libraries = await clients.donghu!.get(api.list('AgreementLibrary'));
    expect(owners(libraries.body, 'ownerRegionCode')).toEqual(['360102']);
    const goods = await clients.donghu!.get(api.list('AgreementGoods'));
    expect(goods.body.records).toEqual([]);
    const again = await clients.donghu!.post(api.resourceAction('AgreementLibrary', 'new'), { name: '第二个库' });
    expect(again.body.notice).toMatchObject({ type: 'error', message: '本辖区已有商品库，不能重复建立' });
    expect(await AgreementLibrary.count({ where: { ownerRegionCode: '360102' } })).toBe(1);
    const city = await clients.nanchang!.get(api.list('AgreementLibrary'));
    expect(owners(city.body, 'ownerRegionCode')).toEqual(['360100', '360102', '360121']);
  });
});

describe('初始化品目', () => {
  it('fills a new library with the standard tree once; a second run adds nothing', async () => {
    const own = await libraryOf('360102');
    const first = await clients.donghu!.post(api.record('AgreementLibrary', own.id, 'initializeCategories'), {});
    expect(first.body.notice.type).toBe('success');
    expect(await AgreementCategory.count({ where: { libraryId: own.id } })).toBe(STANDARD_CATALOGUE.length);
    const leaf = await category('360102', 'A02010104');
    expect(leaf).toMatchObject({ isLeaf: true, parentCode: 'A020101', title: 'A02010104 台式计算机（东湖区协议商品库）' });
    expect((await category('360102', 'A0201')).isLeaf).toBe(false);
    const form = await clients.donghu!.get(api.record('AgreementLibrary', own.id, 'initializeCategories'));
    expect(form.body.details.find((d: any) => d.label === '需新增').value).toContain('0 个');
    const second = await clients.donghu!.post(api.record('AgreementLibrary', own.id, 'initializeCategories'), {});
    expect(second.body.notice.type).toBe('success');
    expect(await AgreementCategory.count({ where: { libraryId: own.id } })).toBe(STANDARD_CATALOGUE.length);
    expect(
      await AuditLog.count({ where: { resourceId: 'AgreementLibrary', recordId: String(own.id), action: 'initializeCategories' } }),
    ).toBe(2);
  });

  it('is refused on a library that already has goods, and by anyone but the owner', async () => {
    const city = await libraryOf('360100');
    const before = await AgreementCategory.count({ where: { libraryId: city.id } });
    const { body } = await clients.nanchang!.post(api.record('AgreementLibrary', city.id, 'initializeCategories'), {});
    expect(body.notice.message).toMatch(/^该商品库已有 \d+ 件商品，不能初始化品目/);
    const county = await clients.nanchangxian!.post(api.record('AgreementLibrary', city.id, 'initializeCategories'), {});
    expect(county.body.record.baseError.type).toBe('NotFoundError');
    expect(await AgreementCategory.count({ where: { libraryId: city.id } })).toBe(before);
  });
});

describe('maintenance top-down: categories, then goods', () => {
  it('adds goods only under a leaf category of the library, from an admitted, valid supplier', async () => {
    const leaf = await category('360100', 'A02010105');
    const active = await supplier('360100', { status: 'active', validTo: { [Op.gte]: '2027-01-01' } });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [goodsForm((await category('360100', 'A0201')).id, active.id), 'categoryId', '下还有下级品目，商品只能加在最末级品目下'],
      [goodsForm(leaf.id, (await supplier('360121')).id), 'supplierId', '不是“南昌市协议商品库”的协议供应商'],
      [goodsForm(leaf.id, (await supplier('360700')).id), 'supplierId', '不存在或不在您的辖区内'],
      [goodsForm(leaf.id, (await supplier('360100', { status: 'removed' })).id), 'supplierId', '已被移除，不能再供应商品'],
      [goodsForm(leaf.id, (await supplier('360100', { validTo: '2025-12-31' })).id), 'supplierId', '今天不在有效期内'],
      [goodsForm(leaf.id, active.id, { unitPrice: '5,999' }), 'unitPrice', '协议单价必须是数字（如 4999.50），不带逗号、空格或单位'],
      [goodsForm(leaf.id, active.id, { brand: '' }), 'brand', '请填写品牌'],
    ];
    for (const [form, field, message] of cases) {
      const before = await AgreementGoods.count();
      const { body } = await clients.nanchang!.post(api.resourceAction('AgreementGoods', 'new'), form);
      expect(body.record.errors[field].message).toContain(message);
      expect(await AgreementGoods.count()).toBe(before);
    }
    const outside = await clients.nanchang!.post(
      api.resourceAction('AgreementGoods', 'new'),
      goodsForm(leaf.id, active.id, { libraryRegionCode: '360700' }),
    );
    expect(outside.body.record.errors.libraryRegionCode.message).toBe('赣州市不在您的管辖范围内');
    // A library region inside the jurisdiction is still not the form's to choose: the category decides it.
    const ok = await clients.nanchang!.post(
      api.resourceAction('AgreementGoods', 'new'),
      goodsForm(leaf.id, active.id, { libraryRegionCode: '360121' }),
    );
    expect(ok.body.notice.type).toBe('success');
    const created = (await AgreementGoods.findOne({ where: { modelNo: 'M-TEST' } }))!;
    expect(created).toMatchObject({ libraryRegionCode: '360100', categoryId: leaf.id, supplierId: active.id, createdBy: 'nanchang' });
    expect(await AuditLog.count({ where: { resourceId: 'AgreementGoods', recordId: String(created.id), action: 'new' } })).toBe(1);
  });

  it('adds a category only under an existing one, never under one that holds goods; the parent stops being a leaf', async () => {
    const city = await libraryOf('360100');
    const add = (code: string, name = '测试品目') =>
      clients.nanchang!.post(api.resourceAction('AgreementCategory', 'new'), { libraryId: city.id, code, name });
    expect((await add('A77010101')).body.record.errors.code.message).toBe('请先建立上级品目 A770101：品目须从上往下依次新增');
    expect((await add('A0201010')).body.record.errors.code.message).toContain('每级两位数字');
    expect((await add('A0201010401')).body.record.errors.code.message).toMatch(/上级品目 A02010104 台式计算机 下已有 \d+ 件商品/);
    expect((await add('X12')).body.record.errors.code.message).toContain('品目编码应以 A（货物）、B（工程）或 C（服务）开头');
    expect((await add('A02010106')).body.record.errors.code.message).toBe('该商品库已有品目 A02010106');
    const ok = await add('A0201010601', '二合一平板电脑');
    expect(ok.body.notice.type).toBe('success');
    expect(await category('360100', 'A0201010601')).toMatchObject({ parentCode: 'A02010106', level: 6, isLeaf: true });
    expect((await category('360100', 'A02010106')).isLeaf).toBe(false);
    const under = await clients.nanchang!.post(
      api.resourceAction('AgreementGoods', 'new'),
      goodsForm((await category('360100', 'A02010106')).id, (await supplier('360100')).id, { modelNo: 'M-TABLET' }),
    );
    expect(under.body.record.errors.categoryId.message).toContain('下还有下级品目');
  });
});

describe('协议供应商', () => {
  it('admits a supplier with a valid credit code and period, once', async () => {
    const city = await libraryOf('360100');
    const first17 = '91360100MA35F0XK1';
    const check = creditCodeCheckChar(first17);
    const form = {
      libraryId: city.id,
      supplierName: '江西测试科技有限公司',
      creditCode: `${first17}${check}`,
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    };
    const bad = await clients.nanchang!.post(api.resourceAction('AgreementSupplier', 'new'), {
      ...form,
      creditCode: `${first17}${check === '0' ? '1' : '0'}`,
    });
    expect(bad.body.record.errors.creditCode.message).toContain('校验位错误');
    const backwards = await clients.nanchang!.post(api.resourceAction('AgreementSupplier', 'new'), { ...form, validTo: '2025-01-01' });
    expect(backwards.body.record.errors.validTo.message).toBe('结束日期 2025-01-01 早于开始日期 2026-01-01');
    const ok = await clients.nanchang!.post(api.resourceAction('AgreementSupplier', 'new'), form);
    expect(ok.body.notice.type).toBe('success');
    const twice = await clients.nanchang!.post(api.resourceAction('AgreementSupplier', 'new'), form);
    expect(twice.body.record.errors.creditCode.message).toContain('已是“南昌市协议商品库”的协议供应商');
    expect(await AgreementSupplier.count({ where: { creditCode: form.creditCode, libraryId: city.id } })).toBe(1);
  });

  it('refuses to remove a supplier with running biddings, naming them; removes one without, with a reason, audited', async () => {
    const busy = await supplier('360100', { status: 'active' });
    const open = await BiddingRecord.findAll({
      where: {
        id: { [Op.in]: (await BiddingQuote.findAll({ where: { supplierId: busy.id } })).map((q) => q.biddingId) },
        status: { [Op.in]: ['bidding', 'quoting'] },
      },
    });
    expect(open.length).toBeGreaterThan(0);
    const refused = await clients.nanchang!.post(api.record('AgreementSupplier', busy.id, 'removeSupplier'), { reason: '测试移除' });
    expect(refused.body.notice.type).toBe('error');
    for (const b of open) expect(refused.body.notice.message).toContain(b.biddingNo);
    expect((await busy.reload()).status).toBe('active');

    const idle = await supplier('360100', { validTo: '2025-12-31' });
    const noReason = await clients.nanchang!.post(api.record('AgreementSupplier', idle.id, 'removeSupplier'), { reason: '' });
    expect(noReason.body.notice.message).toBe('请填写原因（必填）');
    const removed = await clients.nanchang!.post(api.record('AgreementSupplier', idle.id, 'removeSupplier'), { reason: '协议到期未续签' });
    expect(removed.body.notice.type).toBe('success');
    expect(await idle.reload()).toMatchObject({ status: 'removed', removedBy: 'nanchang', removeReason: '协议到期未续签' });
    const audit = await AuditLog.findOne({
      where: { resourceId: 'AgreementSupplier', recordId: String(idle.id), action: 'removeSupplier' },
    });
    expect(audit?.reason).toBe('协议到期未续签');
  });
});

describe('竞价记录 and 退回竞价/报价', () => {
  it("refuses to return a running bidding or quotation in the manual's words", async () => {
    for (const [status, label] of [
      ['bidding', '竞价中'],
      ['quoting', '报价中'],
    ] as const) {
      const running = (await BiddingRecord.findOne({ where: { libraryRegionCode: '360100', status } }))!;
      const { body } = await clients.nanchang!.post(api.record('BiddingRecord', running.id, 'returnBidding'), { reason: '测试退回' });
      expect(body.notice.message).toBe(`项目必须竞价结束或者报价结束才能进行退回（当前状态：${label}）`);
      expect((await running.reload()).status).toBe(status);
    }
  });

  it('returns an ended one with a reason, audited; another city cannot', async () => {
    const ended = (await BiddingRecord.findOne({ where: { libraryRegionCode: '360100', status: 'ended' } }))!;
    const other = await clients.ganzhou!.post(api.record('BiddingRecord', ended.id, 'returnBidding'), { reason: '越权' });
    expect(other.body.record.baseError.type).toBe('NotFoundError');
    const missing = await clients.nanchang!.post(api.record('BiddingRecord', ended.id, 'returnBidding'), { reason: ' ' });
    expect(missing.body.notice.message).toBe('请填写原因（必填）');
    const { body } = await clients.nanchang!.post(api.record('BiddingRecord', ended.id, 'returnBidding'), { reason: '成交供应商放弃' });
    expect(body.notice).toMatchObject({ type: 'success', message: `竞价 ${ended.biddingNo} 已退回` });
    expect(await ended.reload()).toMatchObject({ status: 'returned', returnReason: '成交供应商放弃' });
    const again = await clients.nanchang!.post(api.record('BiddingRecord', ended.id, 'returnBidding'), { reason: '再退' });
    expect(again.body.notice.message).toBe('当前状态为“已退回”，不能执行“退回竞价/报价”');
  });

  it("a bidding's page lists its quotes", async () => {
    const bidding = (await BiddingRecord.findOne({ where: { libraryRegionCode: '360121' } }))!;
    const { body } = await clients.nanchangxian!.get(api.show('BiddingRecord', bidding.id));
    const [quotes] = JSON.parse(body.record.params.related);
    expect(quotes).toMatchObject({ resourceId: 'BiddingQuote', total: 2 });
  });

  it('goods in a running bidding cannot be deleted; others can, audited', async () => {
    const running = (await BiddingRecord.findOne({ where: { libraryRegionCode: '360121', status: 'bidding' } }))!;
    const busy = await clients.nanchangxian!.post(api.record('AgreementGoods', running.goodsId!, 'delete'), {});
    expect(busy.body.notice.message).toContain(running.biddingNo);
    expect(await AgreementGoods.count({ where: { id: running.goodsId! } })).toBe(1);
    const used = (await BiddingRecord.findAll({ where: { libraryRegionCode: '360121' } })).map((b) => b.goodsId);
    const idle = (await AgreementGoods.findOne({ where: { libraryRegionCode: '360121', id: { [Op.notIn]: used as number[] } } }))!;
    const done = await clients.nanchangxian!.post(api.record('AgreementGoods', idle.id, 'delete'), {});
    expect(done.body.notice.type).toBe('success');
    expect(await AgreementGoods.count({ where: { id: idle.id } })).toBe(0);
    expect(await AuditLog.count({ where: { resourceId: 'AgreementGoods', recordId: String(idle.id), action: 'delete' } })).toBe(1);
  });
});
