import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { pushFiling, pushFilings } from '../../jobs/processors/push-filing.processor.js';
import { pushJobsFor } from '../../queue/push-jobs.js';
import { refreshPushVerdicts } from '../../services/filings/filing-eligibility.js';
import {
  AcceptanceFiling,
  AuditLog,
  ContractFiling,
  PaymentMiddleRecord,
  ProcurementUnit,
  RiskFlag,
  SupervisorUser,
} from '../../db/models.js';
import { hashPassword } from '../../services/password-hash.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { api, login, startTestApp, type Client, drainJobs } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const drain = () => drainJobs(app);
const filing = (contractNo: string) => ContractFiling.findOne({ where: { contractNo } }).then((f) => f!);
const county: SessionUser = {
  id: 4,
  email: 'nanchangxian',
  username: 'nanchangxian',
  displayName: '南昌县采购办',
  role: 'county',
  regionCode: '360121',
  regionName: '南昌县',
};
const jobContext = (attemptsMade = 0, maxAttempts = 5) => ({
  id: 'test',
  name: 'pushFiling',
  attemptsMade,
  maxAttempts,
  updateProgress: async () => undefined,
});

/** A county office of its own for a filing's region: a job acts with the rights its user has in the database. */
async function countyOffice(username: string, regionCode: string, regionName: string): Promise<SessionUser> {
  const user = await SupervisorUser.create({
    username,
    displayName: `${regionName}采购办`,
    role: 'county',
    regionCode,
    passwordHash: await hashPassword('Office#2026'),
  });
  return { id: user.id, email: username, username, displayName: user.displayName, role: 'county', regionCode, regionName };
}

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou']) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

describe('新-手动推送合同备案: the verdict of every filing, stored and filterable', () => {
  it('lists each filing with its verdict and reason, and filters on them', async () => {
    const { body } = await clients.nanchangxian!.get(api.list('ManualPushFiling'));
    const byNo = Object.fromEntries(body.records.map((r: any) => [r.params.contractNo, r.params]));
    expect(byNo['HT-2026-360121.A01']).toMatchObject({ pushVerdict: 'pushable', pushRoute: 'manual', budgetYear: 2026 });
    expect(byNo['HT-2022-360121.L01']).toMatchObject({ pushVerdict: 'blocked', pushRoute: 'legacy' });
    expect(byNo['HT-2022-360121.L01'].pushReasons).toContain('需先删除验收单');
    expect(byNo['HT-2021-360121.O01']).toMatchObject({ pushRoute: 'not_integrated' });
    expect(byNo['HT-2026-360121.V01']).toMatchObject({ pushRoute: 'purchaser', budgetType: 'virtual' });
    expect(byNo['HT-2026-360121.A02'].pushReasons).toContain('尚未完成验收单');
    const blocked = await clients.nanchangxian!.get(api.list('ManualPushFiling', '&filters.pushVerdict=blocked'));
    expect(blocked.body.records.length).toBeGreaterThan(0);
    for (const r of blocked.body.records) expect(r.params.pushVerdict).toBe('blocked');
    for (const r of body.records) expect(r.params.regionCode).toBe('360121');
  });
});

describe('pushToIntegration (推送)', () => {
  it('queues at once, then the job writes the intermediate database and the filing shows 已推送 with the time', async () => {
    const target = await filing('HT-2026-360121.A01');
    const { body } = await clients.nanchangxian!.post(api.record('ManualPushFiling', target.id, 'pushToIntegration'), {});
    expect(body.notice).toMatchObject({ type: 'success', message: expect.stringContaining('已加入推送队列') });
    await drain();
    await target.reload();
    expect(target).toMatchObject({ pushStatus: 'pushed', lastPushError: null });
    expect(target.pushedAt).toBeInstanceOf(Date);
    const rows = await PaymentMiddleRecord.findAll({ where: { sourceFilingId: target.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      sourceVersion: target.version,
      contractNo: 'HT-2026-360121.A01',
      contractName: target.contractName,
      signedAt: target.signedAt,
      supplierName: target.supplierName,
      budgetLineId: target.budgetLineId,
      regionCode: '360121',
    });
    expect(Number(rows[0]!.amount)).toBe(Number(target.amount));
    const actions = (
      await AuditLog.findAll({ where: { resourceId: 'ContractFiling', recordId: String(target.id) }, order: [['id', 'ASC']] })
    ).map((a) => a.action);
    expect(actions).toEqual(['pushToIntegration', 'pushCompleted']);
    const shown = await clients.nanchangxian!.get(api.show('ManualPushFiling', target.id));
    expect(shown.body.record.params.pushStatus).toBe('pushed');
    expect(JSON.parse(shown.body.record.params.history).map((h: any) => h.action)).toEqual(['pushCompleted', 'pushToIntegration']);
  });

  it('a second push of a pushed filing is refused and writes nothing', async () => {
    const target = await filing('HT-2026-360121.A01');
    const { body } = await clients.nanchangxian!.post(api.record('ManualPushFiling', target.id, 'pushToIntegration'), {});
    expect(body.notice.type).toBe('error');
    expect(body.notice.message).toContain('当前状态为“已推送”');
    await drain();
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: target.id } })).toBe(1);
  });

  it('a double click (two requests at once) queues one push and writes one row', async () => {
    const target = (await ContractFiling.findOne({ where: { regionCode: '360121', pushStatus: 'not_pushed', pushVerdict: 'pushable' } }))!;
    const answers = await Promise.all(
      [1, 2].map(() => clients.nanchangxian!.post(api.record('ManualPushFiling', target.id, 'pushToIntegration'), {})),
    );
    expect(answers.map((a) => a.body.notice.type).sort()).toEqual(['error', 'success']);
    await drain();
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: target.id } })).toBe(1);
    expect((await target.reload()).pushStatus).toBe('pushed');
  });

  it('a filing the rules block is refused with the reason, and nothing is queued', async () => {
    const target = await filing('HT-2022-360121.L01');
    const preview = await clients.nanchangxian!.get(api.record('ManualPushFiling', target.id, 'pushToIntegration'));
    expect(preview.body.refusal).toContain('缺少合同名称');
    const { body } = await clients.nanchangxian!.post(api.record('ManualPushFiling', target.id, 'pushToIntegration'), {});
    expect(body.notice.type).toBe('error');
    expect(body.notice.message).toContain('需先删除验收单');
    expect((await target.reload()).pushStatus).toBe('not_pushed');
  });

  it("another region's filing cannot be pushed: neither by a foreign city nor by the county's own city", async () => {
    const target = await filing('HT-2026-360121.A02');
    for (const user of ['ganzhou', 'nanchang']) {
      const { body } = await clients[user]!.post(api.record('ManualPushFiling', target.id, 'pushToIntegration'), {});
      expect(body.notice.type).toBe('error');
    }
    expect((await target.reload()).pushStatus).toBe('not_pushed');
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: target.id } })).toBe(0);
  });

  it('bulk: pushes what it may and names what it refused and why', async () => {
    const failed = await filing('HT-2026-360121.S01');
    const blocked = await filing('HT-2021-360121.O01');
    const foreign = await filing('HT-2026-360700.S01');
    const { body } = await clients.nanchangxian!.post(
      api.bulk('ManualPushFiling', [failed.id, blocked.id, foreign.id], 'pushToIntegrationBulk'),
      {},
    );
    expect(body.done).toEqual(['HT-2026-360121.S01']);
    expect(body.refused).toHaveLength(1);
    expect(body.refused[0]).toContain('原支付方式');
    await drain();
    expect((await failed.reload()).pushStatus).toBe('pushed');
    expect((await foreign.reload()).pushStatus).toBe('failed');
  });
});

describe('the push job checks again and writes once', () => {
  it('refuses in the job what became unpushable after the click', async () => {
    const target = await filing('HT-2026-360700.A01');
    await target.update({ pushStatus: 'queued', contractName: null });
    const ganzhou: SessionUser = { ...county, id: 5, username: 'ganzhou', role: 'city', regionCode: '360700', regionName: '赣州市' };
    expect(await pushFiling({ filingId: target.id, version: target.version, user: ganzhou }, jobContext())).toEqual({ outcome: 'refused' });
    await target.reload();
    expect(target.pushStatus).toBe('failed');
    expect(target.lastPushError).toContain('缺少合同名称');
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: target.id } })).toBe(0);
  });

  it("refuses in the job a push by someone outside the filing's region", async () => {
    const target = await filing('HT-2026-360100.A01');
    await target.update({ pushStatus: 'queued' });
    expect(await pushFiling({ filingId: target.id, version: target.version, user: county }, jobContext())).toEqual({ outcome: 'refused' });
    expect((await target.reload()).pushStatus).toBe('failed');
    expect(target.lastPushError).toContain('无权推送');
  });

  it('a retry after a crash between the write and the status finds its row: one row, status pushed', async () => {
    const target = await filing('HT-2026-360102.A01');
    await target.update({ pushStatus: 'queued' });
    const user = await countyOffice('donghuqu', '360102', '东湖区');
    await PaymentMiddleRecord.create({
      sourceFilingId: target.id,
      sourceVersion: target.version,
      contractNo: target.contractNo,
      contractName: target.contractName!,
      signedAt: target.signedAt!,
      amount: target.amount,
      supplierName: target.supplierName,
      budgetLineId: target.budgetLineId!,
      unitBudgetCode: null,
      regionCode: target.regionCode,
      pushedAt: new Date(),
    });
    expect(await pushFiling({ filingId: target.id, version: target.version, user }, jobContext(1))).toEqual({ outcome: 'pushed' });
    expect(await pushFiling({ filingId: target.id, version: target.version, user }, jobContext(2))).toEqual({ outcome: 'stale' });
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: target.id } })).toBe(1);
    expect((await target.reload()).pushStatus).toBe('pushed');
  });

  it('a key the intermediate database holds for another contract (ids reused after a restore) is not taken as pushed', async () => {
    const target = await filing('HT-2026-360102.A01');
    // The row the key held before the restore: a contract lost with the database, under the id handed out again.
    await PaymentMiddleRecord.destroy({ where: { sourceFilingId: target.id } });
    await target.update({ pushStatus: 'queued' });
    const user = await countyOffice('donghuqu2', '360102', '东湖区');
    const lost = await PaymentMiddleRecord.create({
      sourceFilingId: target.id,
      sourceVersion: target.version,
      contractNo: 'HT-LOST-0001',
      contractName: '恢复前的另一份合同',
      signedAt: target.signedAt!,
      amount: '1.00',
      supplierName: '另一家供应商',
      budgetLineId: target.budgetLineId!,
      unitBudgetCode: null,
      regionCode: target.regionCode,
      pushedAt: new Date(),
    });
    expect(await pushFiling({ filingId: target.id, version: target.version, user }, jobContext(1))).toEqual({ outcome: 'refused' });
    await target.reload();
    expect(target.pushStatus).toBe('failed');
    expect(target.lastPushError).toContain('已用于另一份合同（HT-LOST-0001）');
    const rows = await PaymentMiddleRecord.findAll({ where: { sourceFilingId: target.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(lost.id);
    expect(rows[0]!.contractNo).toBe('HT-LOST-0001');
  });

  it('a failing write keeps the error for the next attempt and marks the filing failed on the last', async () => {
    const target = await filing('HT-2026-360702.A01');
    await target.update({ pushStatus: 'queued' });
    const user = await countyOffice('zhanggongqu', '360702', '章贡区');
    const middle = PaymentMiddleRecord.sequelize!;
    await middle.getQueryInterface().renameTable('payment_middle_records', 'payment_middle_records_away');
    try {
      await expect(pushFiling({ filingId: target.id, version: target.version, user }, jobContext(0, 2))).rejects.toThrow();
      await target.reload();
      expect(target.pushStatus).toBe('queued');
      expect(target.lastPushError).toContain('第 1/2 次推送失败');
      await expect(pushFiling({ filingId: target.id, version: target.version, user }, jobContext(1, 2))).rejects.toThrow();
      await target.reload();
      expect(target.pushStatus).toBe('failed');
      expect(target.lastPushError).toContain('第 2/2 次推送失败');
    } finally {
      await middle.getQueryInterface().renameTable('payment_middle_records_away', 'payment_middle_records');
    }
  });
});

/** `count` pushable filings of 南昌县 numbered from `prefix`, their verdicts stored. */
async function pushableFilings(prefix: string, count: number): Promise<ContractFiling[]> {
  const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'approved' }, order: [['id', 'ASC']] }))!;
  await ContractFiling.bulkCreate(
    Array.from({ length: count }, (_, i) => ({
      kind: 'procurement' as const,
      contractNo: `${prefix}${String(i).padStart(4, '0')}`,
      contractName: `批量推送合同${i}`,
      signedAt: '2026-10-01',
      amount: '1000.00',
      supplierName: '江西赣新科技有限公司',
      procurementMethod: 'public_tender',
      projectName: '批量推送项目',
      procurementUnitId: unit.id,
      regionCode: '360121',
      budgetLineId: `ZB-SET-${prefix}${i}`,
      virtualBudgetId: null,
      budgetYear: 2026,
      budgetType: 'integrated' as const,
      filedAt: new Date('2026-10-10T10:00:00+08:00'),
    })),
  );
  await refreshPushVerdicts({ contractNo: { [Op.like]: `${prefix}%` } });
  const filings = await ContractFiling.findAll({ where: { contractNo: { [Op.like]: `${prefix}%` } }, order: [['id', 'ASC']] });
  expect(filings.map((f) => f.pushVerdict)).toEqual(filings.map(() => 'pushable'));
  return filings;
}

const auditsOf = async (filings: ContractFiling[], action: string) =>
  (
    await AuditLog.findAll({
      where: { resourceId: 'ContractFiling', action, recordId: filings.map((f) => String(f.id)) },
    })
  )
    .map((a) => a.recordId)
    .sort();

describe('bulk push as a set', () => {
  it('250 filings: each marked 推送中 with its own audit row, pushed in jobs of 100, written once with its version', async () => {
    const filings = await pushableFilings('HT-SET-A', 250);
    const { body } = await clients.nanchangxian!.post(
      api.bulk(
        'ManualPushFiling',
        filings.map((f) => f.id),
        'pushToIntegrationBulk',
      ),
      { reason: '月末集中推送' },
    );
    expect(body.done).toHaveLength(250);
    expect(body.refused).toEqual([]);
    expect(body.progress).toMatchObject({ field: 'pushStatus', ids: filings.map((f) => String(f.id)) });
    const ids = filings.map((f) => String(f.id)).sort();
    expect(await auditsOf(filings, 'pushToIntegration')).toEqual(ids);
    const asked = (await AuditLog.findOne({ where: { action: 'pushToIntegration', recordId: String(filings[7]!.id) } }))!;
    expect(asked).toMatchObject({ actorUsername: 'nanchangxian', regionCode: '360121', reason: '月末集中推送' });
    expect(JSON.parse(asked.changes!).pushStatus).toEqual({ before: 'not_pushed', after: 'queued' });
    await drain();
    expect(await auditsOf(filings, 'pushCompleted')).toEqual(ids);
    const settled = await ContractFiling.findAll({ where: { id: filings.map((f) => f.id) } });
    const rows = await PaymentMiddleRecord.findAll({ where: { sourceFilingId: filings.map((f) => f.id) } });
    expect(rows).toHaveLength(250);
    const written = new Map(rows.map((r) => [r.sourceFilingId, r.sourceVersion]));
    for (const f of settled) {
      expect(f).toMatchObject({ pushStatus: 'pushed', version: 1, lastPushError: null, pushVerdict: 'blocked' });
      expect(written.get(f.id)).toBe(f.version);
    }
  });

  it('names its jobs by their first filing: three jobs for 250, one job of one for a single push', () => {
    const filings = Array.from({ length: 250 }, (_, i) => ({ filingId: 1000 + i, version: 1 }));
    const jobs = pushJobsFor(filings, county);
    expect(jobs.map((j) => j.data.filings.length)).toEqual([100, 100, 50]);
    expect(jobs.map((j) => j.jobId)).toEqual(['push-1000-v1-n100', 'push-1100-v1-n100', 'push-1200-v1-n50']);
    expect(pushJobsFor([{ filingId: 7, version: 3 }], county).map((j) => j.jobId)).toEqual(['push-7-v3']);
  });

  it('refuses inside a set what the state or the rules refuse, by contract number, and changes nothing of those', async () => {
    const [fresh, queued, returned] = await pushableFilings('HT-SET-B', 3);
    await queued!.update({ pushStatus: 'queued' });
    await returned!.update({ status: 'returned' });
    const { body } = await clients.nanchangxian!.post(
      api.bulk('ManualPushFiling', [fresh!.id, queued!.id, returned!.id], 'pushToIntegrationBulk'),
      {},
    );
    expect(body.done).toEqual([fresh!.contractNo]);
    expect(body.refused).toHaveLength(1);
    expect(body.refused[0]).toContain(`${queued!.contractNo}：当前状态为“推送中”`);
    // A returned filing leaves the push view, so the bulk does not even see it.
    expect((await returned!.reload()).pushStatus).toBe('not_pushed');
    expect(await auditsOf([queued!, returned!], 'pushToIntegration')).toEqual([]);
    await drain();
  });

  it('two overlapping bulk pushes at once: every filing queued once, audited once, written once', async () => {
    const filings = await pushableFilings('HT-SET-C', 60);
    const [left, right] = [filings.slice(0, 40), filings.slice(20)];
    const answers = await Promise.all(
      [left, right].map((part) =>
        clients.nanchangxian!.post(
          api.bulk(
            'ManualPushFiling',
            part.map((f) => f.id),
            'pushToIntegrationBulk',
          ),
          {},
        ),
      ),
    );
    expect(answers[0]!.body.done.length + answers[1]!.body.done.length).toBe(60);
    expect(answers[0]!.body.refused.length + answers[1]!.body.refused.length).toBe(20);
    for (const refusal of [...answers[0]!.body.refused, ...answers[1]!.body.refused]) expect(refusal).toContain('推送中');
    expect(await auditsOf(filings, 'pushToIntegration')).toEqual(filings.map((f) => String(f.id)).sort());
    await drain();
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: filings.map((f) => f.id) } })).toBe(60);
  });

  it("another region's filing named in a bulk request is neither loaded nor touched", async () => {
    const [own] = await pushableFilings('HT-SET-D', 1);
    const foreign = (await ContractFiling.findOne({ where: { regionCode: '360700', pushStatus: 'not_pushed' } }))!;
    const { body } = await clients.nanchangxian!.post(api.bulk('ManualPushFiling', [own!.id, foreign.id], 'pushToIntegrationBulk'), {});
    expect(body.done).toEqual([own!.contractNo]);
    expect(JSON.stringify(body)).not.toContain(foreign.contractNo);
    const before = foreign.version;
    await drain();
    expect(await foreign.reload()).toMatchObject({ pushStatus: 'not_pushed', version: before });
  });

  it('the bulk form loads of each chosen filing only its title and the followed state', async () => {
    const [one] = await pushableFilings('HT-SET-E', 1);
    const { body } = await clients.nanchangxian!.get(api.bulk('ManualPushFiling', [one!.id], 'pushToIntegrationBulk'));
    expect(body.records).toHaveLength(1);
    expect(Object.keys(body.records[0].params).sort()).toEqual(['contractNo', 'id', 'pushStatus']);
    expect(body.records[0].title).toBe(one!.contractNo);
  });
});

describe('the job of many filings', () => {
  it('pushes the queued ones, refuses the ones it may not push, skips the ones moved on', async () => {
    const [ok, foreignJob, stale] = await pushableFilings('HT-SET-F', 3);
    for (const f of [ok!, foreignJob!, stale!]) await f.update({ pushStatus: 'queued' });
    const ganzhou: SessionUser = { ...county, id: 5, username: 'ganzhou', role: 'city', regionCode: '360700', regionName: '赣州市' };
    expect(
      await pushFilings({ filings: [{ filingId: foreignJob!.id, version: foreignJob!.version }], user: ganzhou }, jobContext()),
    ).toEqual({ pushed: 0, refused: 1, stale: 0 });
    const outcome = await pushFilings(
      {
        filings: [ok, foreignJob, stale].map((f, i) => ({ filingId: f!.id, version: f!.version - (i === 2 ? 1 : 0) })),
        user: county,
      },
      jobContext(),
    );
    expect(outcome).toEqual({ pushed: 1, refused: 0, stale: 2 });
    expect((await ok!.reload()).pushStatus).toBe('pushed');
    expect(await foreignJob!.reload()).toMatchObject({ pushStatus: 'failed', lastPushError: expect.stringContaining('无权推送') });
    expect((await stale!.reload()).pushStatus).toBe('queued');
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: [ok!.id, foreignJob!.id, stale!.id] } })).toBe(1);
  });
});

describe('a job acts with the rights its user has now, never with what its payload says', () => {
  it('a push queued by a user deactivated before it ran is refused, named as theirs, and writes nothing', async () => {
    const [target] = await pushableFilings('HT-RIGHTS-A', 1);
    await target!.update({ pushStatus: 'queued' });
    const office = await countyOffice('qingshanhu', '360111', '青山湖区');
    await SupervisorUser.update({ active: false }, { where: { id: office.id } });
    const jobs = pushJobsFor([{ filingId: target!.id, version: target!.version }], office);
    expect(jobs.length).toBe(1);
    expect(jobs[0]!.data).toEqual({ filings: [{ filingId: target!.id, version: target!.version }], userId: office.id });
    expect(await pushFilings(jobs[0]!.data, jobContext())).toEqual({ pushed: 0, refused: 1, stale: 0 });
    expect(await target!.reload()).toMatchObject({ pushStatus: 'failed', lastPushError: expect.stringContaining('已停用') });
    expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: target!.id } })).toBe(0);
  });

  it('a role or region written into an old payload is ignored: the stored user decides', async () => {
    const [target] = await pushableFilings('HT-RIGHTS-B', 1);
    await target!.update({ pushStatus: 'queued' });
    const ganzhou = (await SupervisorUser.findOne({ where: { username: 'ganzhou' } }))!;
    expect(target!.regionCode).toBe('360121');
    const forged = { id: ganzhou.id, username: 'ganzhou', role: 'county', regionCode: target!.regionCode, regionName: '南昌县' };
    expect(await pushFilings({ filings: [{ filingId: target!.id, version: target!.version }], user: forged }, jobContext())).toEqual({
      pushed: 0,
      refused: 1,
      stale: 0,
    });
    expect(await target!.reload()).toMatchObject({ pushStatus: 'failed', lastPushError: expect.stringContaining('无权推送') });
  });

  it('a payload that is not what the job expects is refused before anything is read', async () => {
    for (const data of [
      {},
      { filings: [], userId: 1 },
      { filings: [{ filingId: '1', version: 1 }], userId: 1 },
      { filings: [{ filingId: 1, version: 1 }] },
    ]) {
      await expect(pushFilings(data, jobContext())).rejects.toThrow(/推送任务的数据格式有误/);
    }
  });
});

describe('退回合同备案 and 删除验收单', () => {
  it('return is refused while an acceptance exists; delete it (reason required), then return (reason required)', async () => {
    const target = await filing('HT-2022-360121.L01');
    const acceptance = (await AcceptanceFiling.findOne({ where: { contractFilingId: target.id } }))!;
    const refused = await clients.nanchangxian!.post(api.record('ContractFiling', target.id, 'returnContractFiling'), {
      reason: '补填合同名称和签订日期',
    });
    expect(refused.body.notice.type).toBe('error');
    expect(refused.body.notice.message).toContain('请先在“验收单备案”中删除验收单');
    expect((await target.reload()).status).toBe('filed');

    const noReason = await clients.nanchangxian!.post(api.record('AcceptanceFiling', acceptance.id, 'deleteAcceptance'), {});
    expect(noReason.body.notice.message).toBe('请填写原因（必填）');
    expect(await AcceptanceFiling.count({ where: { id: acceptance.id } })).toBe(1);
    const foreign = await clients.ganzhou!.post(api.record('AcceptanceFiling', acceptance.id, 'deleteAcceptance'), { reason: '越权' });
    expect(foreign.body.notice.type).toBe('error');
    const deleted = await clients.nanchangxian!.post(api.record('AcceptanceFiling', acceptance.id, 'deleteAcceptance'), {
      reason: '2022-06-22 前的协议采购缺合同信息',
    });
    expect(deleted.body.notice.type).toBe('success');
    expect(await AcceptanceFiling.count({ where: { id: acceptance.id } })).toBe(0);
    const audit = (await AuditLog.findOne({
      where: { resourceId: 'AcceptanceFiling', recordId: String(acceptance.id), action: 'deleteAcceptance' },
    }))!;
    expect(audit.actorUsername).toBe('nanchangxian');
    expect(JSON.parse(audit.changes!).acceptedAt.before).toBe(acceptance.acceptedAt);

    const returned = await clients.nanchangxian!.post(api.record('ContractFiling', target.id, 'returnContractFiling'), {
      reason: '补填合同名称和签订日期',
    });
    expect(returned.body.notice.type).toBe('success');
    await target.reload();
    expect(target).toMatchObject({ status: 'returned', returnReason: '补填合同名称和签订日期', pushVerdict: 'blocked' });
    expect(target.pushReasons).toContain('已退回');
    const view = await clients.nanchangxian!.get(
      api.list('ManualPushFiling', `&filters.contractNo=${encodeURIComponent(target.contractNo)}`),
    );
    expect(view.body.meta.total).toBe(0);
  });
});

describe('新-支付系统中间库数据查询 and reconciliation', () => {
  it('the intermediate database rows follow jurisdiction and are read-only', async () => {
    const own = await clients.nanchangxian!.get(api.list('PaymentMiddleRecord'));
    expect(own.body.records.length).toBeGreaterThan(0);
    for (const r of own.body.records) expect(r.params.regionCode).toBe('360121');
    const foreign = await clients.ganzhou!.get(api.list('PaymentMiddleRecord'));
    for (const r of foreign.body.records) expect(r.params.regionCode).toMatch(/^3607/);
    const row = (await PaymentMiddleRecord.findOne({ where: { regionCode: '360121' } }))!;
    expect((await clients.ganzhou!.get(api.show('PaymentMiddleRecord', row.id))).body.record.baseError.type).toBe('NotFoundError');
    const edit = await clients.admin!.post(api.record('PaymentMiddleRecord', row.id, 'edit'), { amount: '1' });
    expect(edit.body.notice.type).toBe('error');
  });

  it('flags a contract that 一体化 paid beyond its amount, and raises 资金链不符 on it once the vouchers are in', async () => {
    const target = await filing('HT-2026-360121.S01');
    const mismatch = () =>
      RiskFlag.findOne({ where: { rule: 'paymentMismatch', subjectType: 'ContractFiling', subjectId: String(target.id), status: 'open' } });
    expect(await mismatch()).toBeNull();
    const half = (Number(target.amount) / 2 + 1).toFixed(2);
    const vouchers = [1, 2].map((n) => ({
      voucherNo: `PZ-OVER-${n}`,
      budgetLineId: target.budgetLineId!,
      contractNo: target.contractNo,
      payeeName: target.supplierName,
      amount: half,
      paidAt: `2026-11-2${n}T10:00:00+08:00`,
    }));
    await postBatch(app.url, { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET }, 'payment-vouchers', vouchers);
    await drain();
    await target.reload();
    expect(Number(target.paidAmount)).toBeCloseTo(Number(half) * 2, 2);
    expect(target.overpaid).toBe(true);
    const flagged = await clients.nanchangxian!.get(api.list('ContractFiling', '&filters.overpaid=true'));
    expect(flagged.body.records.map((r: any) => r.params.contractNo)).toEqual([target.contractNo]);
    const fine = await ContractFiling.count({ where: { overpaid: true, contractNo: { [Op.ne]: target.contractNo } } });
    expect(fine).toBe(0);
    // The vouchers' batch queued the rules that read vouchers (services/risk/rule-inputs.ts RULES_READING).
    const raised = (await mismatch())!;
    expect(raised).not.toBeNull();
    expect(raised.regionCode).toBe(target.regionCode);
    expect(Number(raised.amount)).toBeGreaterThan(0);
  });
});
