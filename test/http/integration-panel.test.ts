import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import {
  AuditLog,
  ContractFiling,
  IntegrationBudget,
  IntegrationInbox,
  IntegrationInboxPayload,
  PaymentVoucher,
  ProcurementProject,
  ProcurementUnit,
  ProjectBudgetLine,
} from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets, simulatedVouchers } from '../../tools/integration-fixtures.js';
import { api, login, startTestApp, type Client, drainJobs } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
const drain = () => drainJobs(app);

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou']) clients[name] = await login(app.url, name);
  await postBatch(app.url, platform, 'budgets', simulatedBudgets(60, { seed: 11 }));
  await postBatch(app.url, platform, 'payment-vouchers', simulatedVouchers(40, { seed: 11, budgetCount: 60 }));
  await drain();
});
afterAll(async () => {
  await app.stop();
});

describe('the 一体化 views follow jurisdiction', () => {
  it.each([
    ['nanchangxian', /^360121$/],
    ['nanchang', /^3601/],
    ['ganzhou', /^3607/],
  ])('%s sees budgets and vouchers of its own region subtree only', async (user, pattern) => {
    for (const resource of ['IntegrationBudget', 'PaymentVoucher', 'IntegrationUnit']) {
      const { body } = await clients[user]!.get(api.list(resource));
      expect(body.records.length).toBeGreaterThan(0);
      for (const record of body.records) expect(record.params.regionCode).toMatch(pattern);
    }
  });

  it('the province sees every region', async () => {
    const { body } = await clients.province!.get(api.list('IntegrationBudget'));
    expect(body.meta.total).toBe(await IntegrationBudget.count());
  });

  it("another region's budget line and voucher cannot be shown or reset", async () => {
    const foreign = (await IntegrationBudget.findOne({ where: { regionCode: '360121', matchStatus: 'matched' } }))!;
    const shown = await clients.ganzhou!.get(api.show('IntegrationBudget', foreign.id));
    expect(shown.body.record.baseError.type).toBe('NotFoundError');
    const reset = await clients.ganzhou!.post(api.record('IntegrationBudget', foreign.id, 'resetBudgetMatch'), { reason: '越权尝试' });
    expect(reset.body.notice.type).toBe('error');
    await foreign.reload();
    expect(foreign.matchStatus).toBe('matched');
    const voucher = (await PaymentVoucher.findOne({ where: { regionCode: '360121' } }))!;
    expect((await clients.ganzhou!.get(api.show('PaymentVoucher', voucher.id))).body.record.baseError.type).toBe('NotFoundError');
    const searched = await clients.ganzhou!.get(api.list('PaymentVoucher', `&filters.voucherNo=${voucher.voucherNo}`));
    expect(searched.body.meta.total).toBe(0);
  });

  it('the search box and the unit drop-down find nothing of another region', async () => {
    const budget = (await IntegrationBudget.findOne({ where: { regionCode: '360121', procurementUnitId: { [Op.ne]: null } } }))!;
    // The search box looks in the title property, the budget's project name.
    const own = await clients.nanchangxian!.get(api.search('IntegrationBudget', budget.projectName));
    expect(own.body.records.map((r: any) => String(r.id))).toContain(String(budget.id));
    const searched = await clients.ganzhou!.get(api.search('IntegrationBudget', budget.projectName));
    for (const r of searched.body.records) expect(r.params?.regionCode ?? '').not.toBe('360121');
    expect(searched.body.records.map((r: any) => String(r.id))).not.toContain(String(budget.id));
    const unit = (await ProcurementUnit.findByPk(budget.procurementUnitId!))!;
    const dropDown = await clients.ganzhou!.get(api.search('ProcurementUnit', unit.name));
    expect(dropDown.body.records).toEqual([]);
    const shown = await clients.nanchangxian!.get(api.show('IntegrationBudget', budget.id));
    expect(shown.body.record.populated.procurementUnitId.params.name).toBe(unit.name);
  });

  it('the views are read-only: no new, edit or delete, for anyone', async () => {
    const budget = (await IntegrationBudget.findOne({ where: { regionCode: '360121' } }))!;
    for (const user of ['admin', 'nanchangxian']) {
      const created = await clients[user]!.post(api.resourceAction('IntegrationBudget', 'new'), {
        budgetLineId: 'X',
        regionCode: '360121',
      });
      expect(created.body.record.baseError.type).toBe('ForbiddenError');
      for (const action of ['edit', 'delete']) {
        const { body } = await clients[user]!.post(api.record('IntegrationBudget', budget.id, action), { amount: '1' });
        expect(body.notice.type).toBe('error');
      }
    }
    await budget.reload();
    expect(Number(budget.amount)).not.toBe(1);
  });

  it('a voucher filter on a contract number with a dot finds exactly that voucher', async () => {
    const voucher = (await PaymentVoucher.findOne({ where: { regionCode: '360121' }, order: [['id', 'ASC']] }))!;
    expect(voucher.contractNo).toContain('.');
    const { body } = await clients.nanchangxian!.get(
      api.list('PaymentVoucher', `&filters.contractNo=${encodeURIComponent(voucher.contractNo!)}`),
    );
    expect(body.records.map((r: any) => r.params.voucherNo)).toEqual([voucher.voucherNo]);
  });
});

describe('重置预算匹配 (resetBudgetMatch)', () => {
  it('needs a reason, then frees the line and records who, when and why', async () => {
    // A project still being planned has its line matched, and no contract uses the line yet.
    const planned = (await ProcurementProject.findOne({ where: { regionCode: '360121', stage: 'planning' }, order: [['id', 'ASC']] }))!;
    const budget = (await ProjectBudgetLine.findOne({ where: { projectId: planned.id, budgetKind: 'integrated' } }))!;
    const target = (await IntegrationBudget.findOne({ where: { budgetLineId: budget.budgetNo, matchStatus: 'matched' } }))!;
    expect(await ContractFiling.count({ where: { budgetLineId: target.budgetLineId } })).toBe(0);
    const noReason = await clients.nanchangxian!.post(api.record('IntegrationBudget', target.id, 'resetBudgetMatch'), {});
    expect(noReason.body.notice).toMatchObject({ type: 'error', message: '请填写原因（必填）' });
    await target.reload();
    expect(target.matchStatus).toBe('matched');
    const project = target.matchedProjectName;
    const { body } = await clients.nanchangxian!.post(api.record('IntegrationBudget', target.id, 'resetBudgetMatch'), {
      reason: '采购人误匹配',
    });
    expect(body.notice.type).toBe('success');
    await target.reload();
    expect(target).toMatchObject({ matchStatus: 'unmatched', matchedProjectCode: null, matchedProjectName: null, matchedAt: null });
    const audit = await AuditLog.findOne({
      where: { resourceId: 'IntegrationBudget', recordId: String(target.id), action: 'resetBudgetMatch' },
    });
    expect(audit).toMatchObject({ actorUsername: 'nanchangxian', reason: '采购人误匹配', regionCode: '360121' });
    expect(JSON.parse(audit!.changes!).matchedProjectName).toEqual({ before: project, after: null });
    const shown = await clients.nanchangxian!.get(api.show('IntegrationBudget', target.id));
    expect(JSON.parse(shown.body.record.params.history)[0]).toMatchObject({ action: 'resetBudgetMatch', user: '南昌县采购办' });
    const twice = await clients.nanchangxian!.post(api.record('IntegrationBudget', target.id, 'resetBudgetMatch'), { reason: '再来一次' });
    expect(twice.body.notice.message).toContain('当前状态为“未匹配”');
  });

  it('is refused, naming the filing, once a contract filing using the line was pushed', async () => {
    const filing = (await ContractFiling.findOne({ where: { regionCode: '360121', pushStatus: 'pushed' } }))!;
    const budget = (await IntegrationBudget.findOne({ where: { budgetLineId: filing.budgetLineId! } }))!;
    expect(budget.matchStatus).toBe('matched');
    const preview = await clients.nanchangxian!.get(api.record('IntegrationBudget', budget.id, 'resetBudgetMatch'));
    expect(preview.body.refusal).toContain(filing.contractNo);
    const { body } = await clients.nanchangxian!.post(api.record('IntegrationBudget', budget.id, 'resetBudgetMatch'), {
      reason: '试图重置',
    });
    expect(body.notice.type).toBe('error');
    expect(body.notice.message).toContain(filing.contractNo);
    expect(body.notice.message).toContain('已推送');
    await budget.reload();
    expect(budget.matchStatus).toBe('matched');
    expect(await AuditLog.count({ where: { resourceId: 'IntegrationBudget', recordId: String(budget.id) } })).toBe(0);
  });

  it('is allowed while the filing using the line has not been pushed', async () => {
    const inUse = new Set((await ContractFiling.findAll({ where: { pushStatus: ['pushed', 'queued'] } })).map((f) => f.budgetLineId));
    const candidates = await ContractFiling.findAll({ where: { regionCode: '360121', pushStatus: 'not_pushed' }, order: [['id', 'ASC']] });
    const lines = await IntegrationBudget.findAll({
      where: { budgetLineId: candidates.map((f) => f.budgetLineId!).filter(Boolean), matchStatus: 'matched' },
    });
    const budget = lines.find((line) => !inUse.has(line.budgetLineId))!;
    const { body } = await clients.nanchangxian!.post(api.record('IntegrationBudget', budget.id, 'resetBudgetMatch'), {
      reason: '重新匹配',
    });
    expect(body.notice.type).toBe('success');
  });

  it('in bulk, resets what it may and says what it refused and why', async () => {
    const pushed = (await ContractFiling.findOne({ where: { regionCode: '360100', pushStatus: 'pushed' } }))!;
    const blocked = (await IntegrationBudget.findOne({ where: { budgetLineId: pushed.budgetLineId! } }))!;
    const inUse = new Set((await ContractFiling.findAll({ where: { pushStatus: ['pushed', 'queued'] } })).map((f) => f.budgetLineId));
    const free = (await IntegrationBudget.findAll({ where: { regionCode: '360100', matchStatus: 'matched' }, order: [['id', 'DESC']] }))
      .filter((b) => b.id !== blocked.id && !inUse.has(b.budgetLineId))
      .slice(0, 2);
    const foreign = (await IntegrationBudget.findOne({ where: { regionCode: '360700', matchStatus: 'matched' } }))!;
    const ids = [blocked.id, ...free.map((b) => b.id), foreign.id];
    const { body } = await clients.nanchang!.post(api.bulk('IntegrationBudget', ids, 'resetBudgetMatchBulk'), { reason: '批量纠正' });
    expect(body.done).toHaveLength(2);
    expect(body.refused).toHaveLength(1);
    expect(body.refused[0]).toContain(pushed.contractNo);
    await foreign.reload();
    expect(foreign.matchStatus).toBe('matched');
    for (const b of free) expect((await b.reload()).matchStatus).toBe('unmatched');
  });
});

describe('一体化接收批次 (admins only)', () => {
  it('non-admins cannot list, show or replay batches', async () => {
    const batch = (await IntegrationInbox.findOne())!;
    for (const user of ['province', 'nanchangxian']) {
      const list = await clients[user]!.get(api.list('IntegrationInbox'));
      expect(list.body.record.baseError.type).toBe('ForbiddenError');
      const replay = await clients[user]!.post(api.record('IntegrationInbox', batch.id, 'replayBatch'), {});
      expect(replay.body.notice.type).toBe('error');
    }
    await batch.reload();
    expect(batch.replayCount).toBe(0);
  });

  it('an admin sees counts and errors and replays a failed batch, which changes no data', async () => {
    const batch = (await IntegrationInbox.findOne({ where: { kind: 'budgets' } }))!;
    await batch.update({ state: 'failed', lastError: '第 5/5 次处理失败：模拟故障' });
    const before = await IntegrationBudget.count();
    const list = await clients.admin!.get(api.list('IntegrationInbox'));
    expect(list.body.records.map((r: any) => r.id)).toContain(batch.id);
    const { body } = await clients.admin!.post(api.record('IntegrationInbox', batch.id, 'replayBatch'), {});
    expect(body.notice.type).toBe('success');
    await drain();
    await batch.reload();
    expect(batch).toMatchObject({ state: 'done', replayCount: 1, appliedCount: 0, lastError: null });
    expect(batch.unchangedCount).toBe(batch.acceptedCount);
    expect(await IntegrationBudget.count()).toBe(before);
    expect(
      await AuditLog.count({
        where: { resourceId: 'IntegrationInbox', recordId: batch.id, action: 'replayBatch', actorUsername: 'admin' },
      }),
    ).toBe(1);
  });

  it('a batch whose body is past its retention is not replayed, and says why', async () => {
    const batch = (await IntegrationInbox.findOne({ where: { kind: 'budgets', state: 'done' } }))!;
    const body = (await IntegrationInboxPayload.findByPk(batch.id))!;
    await body.destroy();
    try {
      const replay = await clients.admin!.post(api.record('IntegrationInbox', batch.id, 'replayBatch'), {});
      expect(replay.body.notice.type).toBe('error');
      expect(replay.body.notice.message).toContain('已超过保留期（90 天）被清理');
      await batch.reload();
      expect(batch.state).toBe('done');
    } finally {
      await IntegrationInboxPayload.create({ batchId: body.batchId, body: body.body });
    }
  });

  it('a batch still processing cannot be replayed', async () => {
    const batch = (await IntegrationInbox.findOne({ where: { kind: 'payment-vouchers' } }))!;
    await batch.update({ state: 'processing' });
    const { body } = await clients.admin!.post(api.record('IntegrationInbox', batch.id, 'replayBatch'), {});
    expect(body.notice.message).toContain('当前状态为“处理中”');
  });
});
