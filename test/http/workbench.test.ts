import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Op, type WhereOptions } from 'sequelize';
import { refreshDeadlinesJob } from '../../jobs/processors/refresh-deadlines.processor.js';
import {
  AuditLog,
  ContractFiling,
  DataExport,
  Escalation,
  PaymentApplication,
  ProcurementUnit,
  Region,
  SupervisorUser,
} from '../../db/models.js';
import { hashPassword } from '../../services/password-hash.js';
import { api, drainJobs, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const job = { id: 't', name: 'refreshDeadlines', attemptsMade: 0, maxAttempts: 1, updateProgress: async () => undefined };
const regionWhere: Record<string, WhereOptions> = {
  nanchangxian: { regionCode: '360121' },
  nanchang: { regionCode: { [Op.like]: '3601%' } },
  province: {},
};
const ownRegion: Record<string, string> = { nanchangxian: '360121', nanchang: '360100', province: '360000' };

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou']) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

describe('工作台 (GET /admin/api/dashboard)', () => {
  it.each(['nanchangxian', 'nanchang', 'province'])(
    '%s sees counts of what its own office decides, what it only watches apart, each linking to its list',
    async (user) => {
      const { body } = await clients[user]!.get('/admin/api/dashboard');
      const cards = Object.fromEntries(body.pending.map((c: any) => [c.key, c]));
      const own = { regionCode: ownRegion[user]! };
      const decidable = await ProcurementUnit.count({ where: { ...own, status: 'submitted' } });
      expect(cards.unitReview).toMatchObject({
        label: '待审核采购单位',
        count: decidable,
        overdue: await ProcurementUnit.count({ where: { ...own, status: 'submitted', overdue: true } }),
        watching: (await ProcurementUnit.count({ where: { ...regionWhere[user], status: 'submitted' } })) - decidable,
        href: '/admin/resources/ProcurementUnit?filters.status=submitted&filters.decidable=true',
        watchHref: '/admin/resources/ProcurementUnit?filters.status=submitted&filters.decidable=false',
        hasDeadline: true,
      });
      expect(cards.payments.count).toBe(await PaymentApplication.count({ where: { ...own, status: 'pending' } }));
      const list = await clients[user]!.get(
        `/admin/api/resources/ProcurementUnit/actions/list?filters.status=submitted&filters.decidable=true`,
      );
      expect(list.body.meta.total).toBe(cards.unitReview.count);
      expect(cards.inboxFailed).toBeUndefined();
    },
  );

  it('charts aggregate only the jurisdiction: per city for the province, per county for a city, the county alone', async () => {
    const regions = async (user: string) =>
      (await clients[user]!.get('/admin/api/dashboard')).body.charts.moneyByRegion.map((r: any) => r.regionCode);
    expect(await regions('nanchangxian')).toEqual(['360121']);
    expect(await regions('nanchang')).toEqual(['360100', '360102', '360121']);
    expect(await regions('province')).toEqual(['360000', '360100', '360700']);
    const { body } = await clients.nanchangxian!.get('/admin/api/dashboard');
    const filed = await ContractFiling.sum('amount', { where: { regionCode: '360121', status: 'filed' } });
    expect(body.charts.moneyByRegion[0].contracted).toBeCloseTo(Number(filed), 2);
    expect(body.charts.pushesPerDay).toHaveLength(30);
    const share = await ContractFiling.sum('amount', {
      where: { regionCode: '360121', status: 'filed', budgetYear: new Date().getFullYear() },
    });
    expect(body.charts.methodShare.reduce((s: number, m: any) => s + m.amount, 0)).toBeCloseTo(Number(share ?? 0), 2);
  });

  it('an administrator also sees failed inbound batches', async () => {
    const { body } = await clients.admin!.get('/admin/api/dashboard');
    expect(body.pending.map((c: any) => c.key)).toContain('inboxFailed');
  });
});

describe('导出Excel', () => {
  it('exports exactly the filtered list of the jurisdiction, with Chinese headers and labels, to its owner only', async () => {
    const query = '?filters.status=submitted&sortBy=name&direction=asc';
    const started = await clients.nanchang!.post(api.resourceAction('ProcurementUnit', 'exportXlsx'), { query });
    const { exportId, statusUrl } = started.body;
    expect(statusUrl).toBe(`/admin/exports/${exportId}`);
    await drainJobs(app);
    const status = await clients.nanchang!.get(statusUrl);
    const list = await clients.nanchang!.get(`/admin/api/resources/ProcurementUnit/actions/list${query}&perPage=500`);
    expect(status.body).toMatchObject({ state: 'done', done: list.body.meta.total, total: list.body.meta.total });

    expect((await clients.ganzhou!.get(statusUrl)).status).toBe(404);
    expect((await clients.ganzhou!.get(`${statusUrl}/download`)).status).toBe(404);
    const response = await fetch(`${app.url}${status.body.downloadUrl}`, { headers: { cookie: clients.nanchang!.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('审核采购单位信息'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['单位名称', '状态', '办理时限', '预算编码核对', '所属辖区', '提交时间']);
    expect(sheet.rowCount - 1).toBe(list.body.meta.total);
    const names = new Set((await Region.findAll({ where: { code: { [Op.like]: '3601%' } } })).map((r) => r.name));
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).values as unknown[]);
    for (const row of rows) {
      expect(names.has(String(row[5]))).toBe(true);
      expect(row[2]).toBe('待审核');
      expect(row[6]).toBeInstanceOf(Date);
      expect(String(row[3])).toMatch(/个工作日|今天到期/);
    }
    expect(rows.map((r) => String(r[1]))).toEqual(list.body.records.map((r: any) => r.params.name));
    const audits = await AuditLog.findAll({ where: { recordId: exportId } });
    expect(audits.map((a) => a.action).sort()).toEqual(['exportCompleted', 'exportDownloaded', 'exportXlsx']);
    expect(JSON.parse(audits.find((a) => a.action === 'exportXlsx')!.changes!).filters.after).toContain('submitted');
  });

  it('a filter or a crafted query cannot widen an export beyond the jurisdiction', async () => {
    const exportsBefore = await DataExport.count();
    const crafted = await clients.nanchangxian!.post(api.resourceAction('ContractFiling', 'exportXlsx'), {
      query: '?filters.regionCode=360700&sortBy=secret',
    });
    expect(crafted.status).toBe(400);
    expect(crafted.body.message).toContain('不能按“secret”排序');
    expect(await DataExport.count()).toBe(exportsBefore);
    const started = await clients.nanchangxian!.post(api.resourceAction('ContractFiling', 'exportXlsx'), {
      query: '?filters.regionCode=360700',
    });
    await drainJobs(app);
    const row = (await DataExport.findByPk(started.body.exportId))!;
    expect(row).toMatchObject({ state: 'done', done: 0, sortBy: null });
    const all = await clients.nanchangxian!.post(api.resourceAction('ContractFiling', 'exportXlsx'), { query: '' });
    await drainJobs(app);
    expect((await DataExport.findByPk(all.body.exportId))!.done).toBe(await ContractFiling.count({ where: { regionCode: '360121' } }));
  });
});

describe("an export acts with its user's rights as stored when it runs", () => {
  it('refuses to run for a user moved to another region, or deactivated, since they asked', async () => {
    const { runExport } = await import('../../jobs/export/export-xlsx.js');
    const user = await SupervisorUser.create({
      username: 'jiujiangcity',
      displayName: '九江市采购办',
      role: 'city',
      regionCode: '360400',
      passwordHash: await hashPassword('Lushan#2026'),
    });
    const asked = () =>
      DataExport.create({
        id: randomUUID(),
        userId: user.id,
        username: user.username,
        userRole: 'city',
        userRegion: '360400',
        resourceId: 'ProcurementUnit',
        filters: '{}',
        sortBy: null,
        direction: null,
        state: 'queued',
        expiresAt: new Date(Date.now() + 3600_000),
      });
    const moved = await asked();
    await user.update({ regionCode: '360100' });
    expect(await runExport(moved.id)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('权限已变更'),
      done: 0,
      fileName: null,
    });
    await user.update({ regionCode: '360400', active: false });
    const inactive = await asked();
    expect(await runExport(inactive.id)).toMatchObject({ state: 'failed', error: expect.stringContaining('已停用') });
  });
});

describe('时限 and escalation (fixed clock)', () => {
  it('marks overdue records, shows the remaining working days, and escalates each record once per step', async () => {
    await Escalation.destroy({ where: {} });
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted' }, order: [['id', 'ASC']] }))!;
    await unit.update({ submittedAt: new Date('2026-11-02T09:00:00+08:00') });
    const first = (await refreshDeadlinesJob({ today: '2026-11-10' }, job)) as { escalated: number };
    await unit.reload();
    expect(unit).toMatchObject({ dueDate: '2026-11-09', overdueDays: 1, overdue: true });
    expect(await Escalation.count({ where: { resourceId: 'ProcurementUnit', recordId: String(unit.id) } })).toBe(0);

    await refreshDeadlinesJob({ today: '2026-11-13' }, job);
    await refreshDeadlinesJob({ today: '2026-11-13' }, job);
    const escalations = await Escalation.findAll({ where: { resourceId: 'ProcurementUnit', recordId: String(unit.id) } });
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({
      step: 'unitReview',
      regionCode: '360121',
      escalatedTo: '360100',
      dueDate: '2026-11-09',
      overdueDays: 4,
    });
    expect(
      await AuditLog.count({
        where: {
          action: 'escalateOverdue',
          resourceId: 'ProcurementUnit',
          recordId: String(unit.id),
          reason: { [Op.like]: '%2026-11-09 到期%' },
        },
      }),
    ).toBe(1);
    expect(first.escalated).toBeGreaterThanOrEqual(0);

    const dashboard = await clients.nanchang!.get('/admin/api/dashboard');
    const card = dashboard.body.pending.find((c: any) => c.key === 'escalated');
    expect(card.count).toBe(await Escalation.count({ where: { escalatedTo: '360100', resolved: false } }));
    expect((await clients.nanchangxian!.get('/admin/api/dashboard')).body.pending.find((c: any) => c.key === 'escalated')).toBeUndefined();

    const list = await clients.nanchangxian!.get(api.list('ProcurementUnit', '&filters.overdue=true'));
    expect(list.body.records.map((r: any) => String(r.id))).toContain(String(unit.id));
    const shown = list.body.records.find((r: any) => String(r.id) === String(unit.id));
    expect(shown.params.deadline).toMatch(/^已超期 \d+ 个工作日（2026-11-09 到期）$/);

    await unit.update({ status: 'approved', formalMember: true });
    await refreshDeadlinesJob({ today: '2026-11-16' }, job);
    expect(await unit.reload()).toMatchObject({ dueDate: null, overdue: false });
    expect((await Escalation.findOne({ where: { resourceId: 'ProcurementUnit', recordId: String(unit.id) } }))!.resolved).toBe(true);
  });

  it('flags contract filings made more than 7 working days after signing (政府采购法第四十七条)', async () => {
    const filing = (await ContractFiling.findOne({ where: { regionCode: '360121', signedAt: { [Op.ne]: null } } }))!;
    await filing.update({ signedAt: '2026-11-02', filedAt: new Date('2026-11-12T10:00:00+08:00') });
    await refreshDeadlinesJob({ today: '2026-11-20' }, job);
    expect(await filing.reload()).toMatchObject({ lateFiling: true, lateFilingDays: 1 });
    await filing.update({ filedAt: new Date('2026-11-11T10:00:00+08:00') });
    await refreshDeadlinesJob({ today: '2026-11-20' }, job);
    expect(await filing.reload()).toMatchObject({ lateFiling: false, lateFilingDays: 0 });
    const late = await clients.nanchangxian!.get(api.list('ContractFiling', '&filters.lateFiling=true'));
    expect(late.body.records.length).toBeGreaterThan(0);
    for (const r of late.body.records) expect(r.params.lateFiling).toBe(true);
  });
});
