import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { AuditLog, ContractFiling, PaymentApplication } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const application = (applicationNo: string) => PaymentApplication.findOne({ where: { applicationNo } }).then((a) => a!);
const approve = (client: Client, id: number, reason = '') =>
  client.post(api.record('PaymentApplication', id, 'approvePayment'), { reason });
const reject = (client: Client, id: number, reason = '') => client.post(api.record('PaymentApplication', id, 'rejectPayment'), { reason });

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['province', 'nanchang', 'ganzhou', 'gongguanban', 'admin']) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

describe('支付审核 (PaymentApplication)', () => {
  it('lists the requests of the jurisdiction with contract, paid and requested amounts', async () => {
    const { body } = await clients.nanchang!.get(api.list('PaymentApplication'));
    expect(body.records.length).toBeGreaterThan(0);
    for (const r of body.records) expect(r.params.regionCode).toMatch(/^3601/);
    const pending = await clients.nanchang!.get(api.list('PaymentApplication', '&filters.status=pending'));
    for (const r of pending.body.records) expect(r.params.status).toBe('pending');
  });

  it('shows the figures before deciding, and approves a request that fits, recording what was paid before', async () => {
    const target = await application('ZF-HT-2026-360100.001-2');
    const form = await clients.nanchang!.get(api.record('PaymentApplication', target.id, 'approvePayment'));
    expect(form.body.refusal).toBeNull();
    expect(form.body.details.map((d: any) => d.label)).toEqual([
      '合同编号',
      '中标供应商',
      '合同金额',
      '已审核通过的支付',
      '本次申请',
      '审核通过后剩余可支付',
    ]);
    const { body } = await approve(clients.nanchang!, target.id, '进度款，同意');
    expect(body.notice).toMatchObject({ type: 'success', message: '支付申请 ZF-HT-2026-360100.001-2 已审核通过' });
    await target.reload();
    const first = await application('ZF-HT-2026-360100.001-1');
    expect(target).toMatchObject({ status: 'approved', reviewerName: '南昌市采购办', reviewOpinion: '进度款，同意' });
    expect(Number(target.paidAmount)).toBe(Number(first.requestedAmount));
    const audit = await AuditLog.findOne({
      where: { resourceId: 'PaymentApplication', recordId: String(target.id), action: 'approvePayment' },
    });
    expect(audit).toMatchObject({ actorUsername: 'nanchang', reason: '进度款，同意' });
    expect(JSON.parse(audit!.changes!).status).toEqual({ before: 'pending', after: 'approved' });
  });

  it('refuses a request that would pay beyond the contract, naming both figures, and changes nothing', async () => {
    const target = await application('ZF-HT-2026-360100.001-3');
    const filing = (await ContractFiling.findByPk(target.contractFilingId))!;
    const paid = await PaymentApplication.sum('requestedAmount', { where: { contractFilingId: filing.id, status: 'approved' } });
    const yuan = (n: number) => `${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
    const form = await clients.nanchang!.get(api.record('PaymentApplication', target.id, 'approvePayment'));
    expect(form.body.refusal).toContain('超过合同金额');
    const { body } = await approve(clients.nanchang!, target.id);
    expect(body.notice.type).toBe('error');
    expect(body.notice.message).toContain(`已支付 ${yuan(Number(paid))}`);
    expect(body.notice.message).toContain(`本次申请 ${yuan(Number(target.requestedAmount))}`);
    expect(body.notice.message).toContain(`合同金额 ${yuan(Number(filing.amount))}`);
    await target.reload();
    expect(target.status).toBe('pending');
    // Only the daily deadline job (actor 'system') may have written about it; no decision was recorded.
    expect(
      await AuditLog.count({
        where: { resourceId: 'PaymentApplication', recordId: String(target.id), actorUsername: { [Op.ne]: 'system' } },
      }),
    ).toBe(0);
  });

  it('rejects only with a reason, audited', async () => {
    const target = await application('ZF-HT-2026-360100.001-3');
    const missing = await reject(clients.nanchang!, target.id, '  ');
    expect(missing.body.notice).toMatchObject({ type: 'error', message: '请填写原因（必填）' });
    await target.reload();
    expect(target.status).toBe('pending');
    const { body } = await reject(clients.nanchang!, target.id, '申请金额超过合同剩余金额，请核减后重新申请');
    expect(body.notice.type).toBe('success');
    await target.reload();
    expect(target).toMatchObject({ status: 'rejected', reviewOpinion: '申请金额超过合同剩余金额，请核减后重新申请' });
    const again = await approve(clients.nanchang!, target.id);
    expect(again.body.notice.message).toBe('当前状态为“审核退回”，不能执行“审核通过”');
  });

  it('other regions, the province and read-only roles cannot decide', async () => {
    const target = await application('ZF-HT-2026-360100.002-2');
    const ganzhou = await approve(clients.ganzhou!, target.id);
    expect(ganzhou.body.record.baseError.type).toBe('NotFoundError');
    const province = await approve(clients.province!, target.id);
    expect(province.body.notice.message).toContain('无权处理南昌市的记录');
    for (const name of ['gongguanban', 'admin']) {
      const response = await approve(clients[name]!, target.id);
      expect(response.body.record.baseError.type).toBe('ForbiddenError');
    }
    await target.reload();
    expect(target.status).toBe('pending');
  });

  it('two approvals racing on one contract: the second sees the first and is refused if together they overpay', async () => {
    const filing = (await ContractFiling.findOne({ where: { contractNo: 'HT-2026-360100.002' } }))!;
    const approved = Number(
      (await PaymentApplication.sum('requestedAmount', { where: { contractFilingId: filing.id, status: 'approved' } })) ?? 0,
    );
    const remaining = Number(filing.amount) - approved;
    const share = (Math.floor(remaining * 60) / 100).toFixed(2);
    const { projectId } = (await PaymentApplication.findOne({ where: { contractFilingId: filing.id } }))!;
    const racers = await Promise.all(
      ['R1', 'R2'].map((tag) =>
        PaymentApplication.create({
          applicationNo: `ZF-RACE-${tag}`,
          projectId,
          contractFilingId: filing.id,
          regionCode: '360100',
          supplierName: filing.supplierName,
          contractAmount: filing.amount,
          requestedAmount: share,
          appliedAt: new Date(),
        }),
      ),
    );
    const results = await Promise.all(racers.map((r) => approve(clients.nanchang!, r.id)));
    const outcomes = results.map((r) => r.body.notice.type).sort();
    expect(outcomes).toEqual(['error', 'success']);
    expect(results.find((r) => r.body.notice.type === 'error')!.body.notice.message).toMatch(/超过合同金额|已被他人处理/);
    const total = Number(await PaymentApplication.sum('requestedAmount', { where: { contractFilingId: filing.id, status: 'approved' } }));
    expect(total).toBeLessThanOrEqual(Number(filing.amount));
  });
});
