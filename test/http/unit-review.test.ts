import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { Affiliation, AuditLog, ProcurementUnit } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
let city: Client;
let province: Client;
let gongguanban: Client;

const unitWhere = (where: Record<string, unknown>) => ProcurementUnit.findOne({ where, order: [['id', 'ASC']] }).then((u) => u!);

beforeAll(async () => {
  app = await startTestApp();
  county = await login(app.url, 'nanchangxian');
  city = await login(app.url, 'nanchang');
  province = await login(app.url, 'province');
  gongguanban = await login(app.url, 'gongguanban');
});
afterAll(async () => {
  await app.stop();
});

describe('approve (审核通过)', () => {
  it('shows both budget codes and the verdict before approving', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'mismatch' });
    const { body } = await county.get(api.record('ProcurementUnit', unit.id, 'approve'));
    const values = Object.fromEntries(body.details.map((d: any) => [d.label, d.value]));
    expect(values['单位填报的预算编码']).toBe(unit.unitBudgetCode);
    expect(values['一体化平台的预算编码']).toBe(unit.integrationBudgetCode);
    expect(values['核对结果']).toBe('不一致');
  });

  it('approves a matching unit, makes it a formal member, and records who and why', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'match' });
    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'approve'), { reason: '资料齐全' });
    expect(body.notice).toMatchObject({ type: 'success' });
    await unit.reload();
    expect(unit.status).toBe('approved');
    expect(unit.formalMember).toBe(true);
    expect(unit.reviewerName).toBe('南昌县采购办');
    const audit = await AuditLog.findOne({ where: { resourceId: 'ProcurementUnit', recordId: String(unit.id), action: 'approve' } });
    expect(audit).toMatchObject({ actorUsername: 'nanchangxian', reason: '资料齐全', regionCode: '360121' });
    expect(JSON.parse(audit!.changes!).status).toEqual({ before: 'submitted', after: 'approved' });
    const shown = await county.get(api.show('ProcurementUnit', unit.id));
    expect(JSON.parse(shown.body.record.params.history)[0]).toMatchObject({ action: 'approve', user: '南昌县采购办' });
  });

  it('refuses a mismatched unit naming both codes, and changes nothing', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'mismatch' });
    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'approve'), {});
    expect(body.notice.type).toBe('error');
    expect(body.notice.message).toContain(unit.unitBudgetCode);
    expect(body.notice.message).toContain(unit.integrationBudgetCode!);
    expect(body.notice.message).toContain('退回');
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });

  it('refuses a unit that 一体化 does not know', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'missing' });
    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'approve'), {});
    expect(body.notice.message).toContain('一体化平台无此单位');
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });

  it("only the office of the unit's own region may act; the city sees its county but cannot decide for it", async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'match' });
    for (const client of [city, province, gongguanban]) {
      const { body } = await client.post(api.record('ProcurementUnit', unit.id, 'approve'), {});
      expect(body.notice.type).toBe('error');
    }
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });

  it('a unit in the wrong state is refused with the state named', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'approved' });
    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'reject'), { reason: '重复' });
    expect(body.notice.message).toBe('当前状态为“已审核”，不能执行“退回”');
  });

  it('bulk approve takes the matching ones and names the others', async () => {
    const units = await ProcurementUnit.findAll({ where: { regionCode: '360100', status: 'submitted' } });
    const { body } = await city.post(
      api.bulk(
        'ProcurementUnit',
        units.map((u) => u.id),
        'approveBulk',
      ),
      {},
    );
    const matching = units.filter((u) => u.budgetCodeVerdict === 'match');
    expect(body.done.sort()).toEqual(matching.map((u) => u.name).sort());
    for (const other of units.filter((u) => u.budgetCodeVerdict !== 'match')) {
      expect(body.refused.join('\n')).toContain(other.name);
    }
  });
});

describe('reject (退回)', () => {
  it('requires a reason and changes nothing without one', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'missing' });
    for (const reason of ['', '   ']) {
      const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'reject'), { reason });
      expect(body.notice.message).toBe('请填写原因（必填）');
    }
    const long = await county.post(api.record('ProcurementUnit', unit.id, 'reject'), { reason: '长'.repeat(501) });
    expect(long.body.notice.message).toContain('不能超过 500 个字');
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });

  it('returns the unit with the reason', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'missing' });
    const { body } = await county.post(api.record('ProcurementUnit', unit.id, 'reject'), { reason: '一体化无此单位，请核实' });
    expect(body.notice.type).toBe('success');
    await unit.reload();
    expect(unit.status).toBe('returned');
    expect(unit.reviewComment).toBe('一体化无此单位，请核实');
  });
});

describe('two supervisors at once', () => {
  it('exactly one wins; the other is told and nothing else changes', async () => {
    const unit = await unitWhere({ regionCode: '360000', status: 'submitted', budgetCodeVerdict: 'match' });
    const second = await login(app.url, 'province');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? province : second).post(api.record('ProcurementUnit', unit.id, i % 3 ? 'approve' : 'reject'), { reason: `并发 ${i}` }),
      ),
    );
    const wins = results.filter((r) => r.body.notice.type === 'success');
    expect(wins).toHaveLength(1);
    for (const loser of results.filter((r) => r.body.notice.type !== 'success')) {
      expect([
        '该记录已被他人处理',
        '当前状态为“已审核”，不能执行“审核通过”',
        '当前状态为“已审核”，不能执行“退回”',
        '当前状态为“已退回”，不能执行“审核通过”',
        '当前状态为“已退回”，不能执行“退回”',
      ]).toContain(loser.body.notice.message);
    }
    expect(
      await AuditLog.count({ where: { recordId: String(unit.id), resourceId: 'ProcurementUnit', actorUsername: { [Op.ne]: 'system' } } }),
    ).toBe(1);
  });
});

describe('unbindAffiliation (解除隶属关系)', () => {
  it('unbinds a confirmed affiliation with a reason and keeps the row', async () => {
    const affiliation = (await Affiliation.findOne({ where: { regionCode: '360121', status: 'confirmed' } }))!;
    const { body } = await county.post(api.record('Affiliation', affiliation.id, 'unbindAffiliation'), { reason: '误选主管单位' });
    expect(body.notice.type).toBe('success');
    await affiliation.reload();
    expect(affiliation).toMatchObject({ status: 'unbound', unbindReason: '误选主管单位', unboundBy: '南昌县采购办' });
  });

  it('refuses an already unbound one and one outside the jurisdiction', async () => {
    const unbound = (await Affiliation.findOne({ where: { regionCode: '360121', status: 'unbound' } }))!;
    const again = await county.post(api.record('Affiliation', unbound.id, 'unbindAffiliation'), { reason: '再次' });
    expect(again.body.notice.message).toBe('当前状态为“已解除”，不能执行“解除隶属关系”');
    const ganzhou = await login(app.url, 'ganzhou');
    const pending = (await Affiliation.findOne({ where: { regionCode: '360121', status: 'pending' } }))!;
    const foreign = await ganzhou.post(api.record('Affiliation', pending.id, 'unbindAffiliation'), { reason: '越权' });
    expect(foreign.body.notice.type).toBe('error');
    await pending.reload();
    expect(pending.status).toBe('pending');
  });
});

describe('search behaves as a user expects', () => {
  it('a code with % or _ finds itself only; Latin letters match in any case', async () => {
    const unit = await unitWhere({ regionCode: '360121', status: 'submitted' });
    await unit.update({ unitBudgetCode: 'AB.1%_x' });
    const exact = await county.get(api.list('ProcurementUnit', `&filters.unitBudgetCode=${encodeURIComponent('b.1%_X')}`));
    expect(exact.body.records.map((r: any) => r.id)).toEqual([unit.id]);
    const wildcard = await county.get(api.list('ProcurementUnit', `&filters.unitBudgetCode=${encodeURIComponent('%')}`));
    expect(wildcard.body.records.map((r: any) => r.id)).toEqual([unit.id]);
  });
});

describe('unit data', () => {
  it('a unified social credit code with a wrong check character is refused in Chinese', async () => {
    const unit = await unitWhere({ regionCode: '360121' });
    const last = unit.creditCode.at(-1) === '0' ? '1' : '0';
    await expect(unit.update({ creditCode: unit.creditCode.slice(0, 17) + last })).rejects.toThrow(/统一社会信用代码/);
  });
});
