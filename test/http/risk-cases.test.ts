import ExcelJS from 'exceljs';
import { Op, type WhereOptions } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, CaseEntry, Escalation, ProcurementProject, RiskFlag, SupervisionCase } from '../../db/models.js';
import { refreshDeadlines } from '../../jobs/deadlines/refresh-deadlines.js';
import { deadlineRules } from '../../settings/deadline-rules.js';
import type { RaisedFlag } from '../../domain/risk/risk-flag.js';
import { upsertFlags } from '../../services/risk/flag-store.js';
import { api, drainJobs, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * 风险预警 and 监管案件 over HTTP as the offices: each sees only the flags and cases of its jurisdiction, opens cases only
 * on flags it sees (a forged id is refused), and takes a case through 质询, 答复, 办结 or 移交; every refusal is in
 * Chinese and changes nothing, every step is audited with its reason.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const USERS = ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou', 'gongguanban'];
const act = (user: string, resource: string, id: number, action: string, reason = '') =>
  clients[user]!.post(api.record(resource, id, action), { reason }).then((r) => r.body);
const bulk = (user: string, ids: number[], action: string, reason = '') =>
  clients[user]!.post(api.bulk('RiskFlag', ids, action), { reason }).then((r) => r.body);

/** Flags on the demo's projects: two of 南昌县, one of 南昌市本级, one of a 赣州 county, one of 省本级. */
const flags: Record<'county1' | 'county2' | 'city' | 'ganzhou' | 'province', RiskFlag> = {} as never;

async function projectIn(where: WhereOptions): Promise<ProcurementProject> {
  const project = await ProcurementProject.findOne({ where, order: [['id', 'ASC']] });
  if (!project) throw new Error(`no demo project ${JSON.stringify(where)}`);
  return project;
}

let demoAuditsUpTo = 0;

beforeAll(async () => {
  app = await startTestApp();
  for (const name of USERS) clients[name] = await login(app.url, name);
  // The demo opens with the flags its data raises and a case on one; this file works on the five it raises itself.
  demoAuditsUpTo = ((await AuditLog.max('seq')) as number | null) ?? 0;
  await RiskFlag.destroy({ where: {} });
  await CaseEntry.destroy({ where: {} });
  await SupervisionCase.destroy({ where: {} });
  const [c1, c2] = await ProcurementProject.findAll({ where: { regionCode: '360121' }, order: [['id', 'ASC']], limit: 2 });
  const subjects = {
    county1: c1!,
    county2: c2!,
    city: await projectIn({ regionCode: '360100' }),
    ganzhou: await projectIn({ regionCode: { [Op.like]: '3607%' } }),
    province: await projectIn({ regionCode: '360000' }),
  };
  const raised: RaisedFlag[] = Object.values(subjects).map((p) => ({
    rule: 'singleResponse',
    subjectType: 'ProcurementProject',
    subjectId: String(p.id),
    subjectLabel: p.name,
    regionCode: p.regionCode,
    amount: p.budgetAmount,
    figures: { 投标人数: 1 },
    threshold: '有效投标人少于 2 家',
    basis: '《政府采购货物和服务招标投标管理办法》第四十三条',
    severity: 'orange',
    score: 100,
  }));
  await upsertFlags(raised, { rule: 'singleResponse' }, new Date());
  for (const [key, project] of Object.entries(subjects))
    flags[key as keyof typeof flags] = (await RiskFlag.findOne({ where: { subjectId: String(project.id), rule: 'singleResponse' } }))!;
});
afterAll(async () => {
  await app.stop();
});

const listed = async (user: string, resource: string, query = '') => {
  const { status, body } = await clients[user]!.get(api.list(resource, query));
  expect(status).toBe(200);
  return body.records as Array<{ id: string; params: Record<string, any> }>;
};

describe('风险预警: the list', () => {
  it.each([
    ['nanchangxian', /^360121$/],
    ['nanchang', /^3601/],
    ['ganzhou', /^3607/],
    ['province', /^36/],
  ])('%s sees the flags of its jurisdiction only, highest score first', async (user, region) => {
    const records = await listed(user, 'RiskFlag');
    const expected = Object.values(flags).filter((f) => region.test(f.regionCode));
    expect(records.map((r) => Number(r.id)).sort()).toEqual(expected.map((f) => f.id).sort());
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.params.regionCode).toMatch(region);
  });

  it('shows the figures as words and refuses another region’s flag by id', async () => {
    const [record] = await listed('nanchangxian', 'RiskFlag', `&filters.status=open`);
    expect(record!.params.figures).toBe('投标人数: 1');
    const shown = await clients.nanchangxian!.get(api.show('RiskFlag', flags.ganzhou.id));
    expect(shown.body.record.baseError.type).toBe('NotFoundError');
  });

  it('is exported as listed, in words: rules, figures and severities by their Chinese names', async () => {
    const started = await clients.nanchang!.post(api.resourceAction('RiskFlag', 'exportXlsx'), { query: '' });
    expect(started.status).toBe(200);
    await drainJobs(app);
    const status = await clients.nanchang!.get(started.body.statusUrl);
    expect(status.body).toMatchObject({ state: 'done', done: 3 });
    const response = await fetch(`${app.url}${status.body.downloadUrl}`, { headers: { cookie: clients.nanchang!.cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '预警规则',
      '预警对象',
      '风险等级',
      '预警状态',
      '风险分值',
      '预警指标',
      '预警阈值',
      '依据',
      '所属辖区',
      '预警时间',
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect([row[0], row[2], row[3], row[5]]).toEqual(['单一响应', '橙', '未处理', '投标人数: 1']);
  });

  it('a project’s record page lists its flags', async () => {
    const { body } = await clients.nanchangxian!.get(api.show('ProcurementProject', flags.county1.subjectId));
    const blocks = JSON.parse(body.record.params.related) as Array<{ resourceId: string; total: number; records: any[]; listUrl: string }>;
    const block = blocks.find((b) => b.resourceId === 'RiskFlag')!;
    expect(block.total).toBe(1);
    expect(block.records).toHaveLength(1);
    expect(Number(block.records[0].id)).toBe(flags.county1.id);
    expect(block.listUrl).toContain('filters.subjectType=ProcurementProject');
    const all = await clients.nanchangxian!.get(block.listUrl.replace(/^\/admin\/resources\/RiskFlag\?/, `${api.list('RiskFlag')}&`));
    expect(all.status).toBe(200);
    expect(all.body.records.map((r: any) => Number(r.id))).toEqual([flags.county1.id]);
    // The subject's id is matched whole: project 1 does not find the flags of projects 11, 21 …
    const partial = await clients.province!.get(api.list('RiskFlag', `&filters.subjectId=${flags.county1.subjectId.slice(-1)}`));
    for (const record of partial.body.records) expect(record.params.subjectId).toBe(flags.county1.subjectId.slice(-1));
  });

  it('is read-only: no new, edit or delete for anyone', async () => {
    for (const user of ['province', 'nanchangxian']) {
      const edit = await clients[user]!.post(api.record('RiskFlag', flags.county1.id, 'edit'), { status: 'cleared' });
      expect(['ForbiddenError', 'NotFoundError']).toContain(edit.body.record?.baseError?.type ?? 'ForbiddenError');
    }
    expect((await flags.county1.reload()).status).toBe('open');
  });
});

describe('立案', () => {
  const unchanged = async () => {
    for (const flag of Object.values(flags)) expect((await RiskFlag.findByPk(flag.id))!.caseId).toBeNull();
    expect(await SupervisionCase.count()).toBe(0);
  };

  it('refuses, in Chinese and changing nothing: another region’s flag, a forged id in a bulk, flags of two regions, no reason, 省公管办', async () => {
    expect((await act('ganzhou', 'RiskFlag', flags.county1.id, 'openCase', '越权')).record.baseError.type).toBe('NotFoundError');
    const forged = await bulk('nanchangxian', [flags.county1.id, flags.ganzhou.id], 'openCaseBulk', '夹带他区预警');
    expect(forged.notice).toMatchObject({ type: 'error', message: expect.stringContaining('不存在或不在您的辖区内') });
    const mixed = await bulk('nanchang', [flags.county1.id, flags.city.id], 'openCaseBulk', '两个辖区');
    expect(mixed.notice).toMatchObject({ type: 'error', message: expect.stringContaining('分属不同辖区') });
    expect((await act('nanchangxian', 'RiskFlag', flags.county1.id, 'openCase')).notice).toEqual({
      type: 'error',
      message: '请填写立案理由（必填）',
    });
    expect((await act('gongguanban', 'RiskFlag', flags.county1.id, 'openCase', '只读')).record.baseError.type).toBe('ForbiddenError');
    await flags.county2.update({ status: 'cleared', clearedAt: new Date() });
    expect((await act('nanchangxian', 'RiskFlag', flags.county2.id, 'openCase', '已消除')).notice.message).toBe('该预警已消除，不能立案');
    await flags.county2.update({ status: 'open', clearedAt: null });
    await unchanged();
  });

  it('the city opens one case from two flags of a county: assigned to the county, with a due date, audited with the reason', async () => {
    const body = await bulk('nanchang', [flags.county1.id, flags.county2.id], 'openCaseBulk', '单一响应集中出现');
    expect(body.notice).toMatchObject({ type: 'success', message: expect.stringContaining('分办至') });
    const created = (await SupervisionCase.findAll())!;
    expect(created).toHaveLength(1);
    const opened = created[0]!;
    expect(opened).toMatchObject({ regionCode: '360121', status: 'assigned', openedBy: 'nanchang', conclusion: null });
    expect(opened.caseNo).toMatch(/^AJ\d{4}360121\d{6}$/);
    expect(opened.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const flag of [flags.county1, flags.county2]) expect((await flag.reload()).caseId).toBe(opened.id);
    const audits = await AuditLog.findAll({ where: { action: 'openCase', seq: { [Op.gt]: demoAuditsUpTo } }, order: [['id', 'ASC']] });
    expect(audits).toHaveLength(3);
    for (const audit of audits) expect(audit).toMatchObject({ reason: '单一响应集中出现', actorUsername: 'nanchang' });
    expect(audits.map((a) => a.resourceId).sort()).toEqual(['RiskFlag', 'RiskFlag', 'SupervisionCase']);
    // A flag in a case is not opened again.
    expect((await act('nanchangxian', 'RiskFlag', flags.county1.id, 'openCase', '再立案')).notice.message).toContain('该预警已立案');
    expect(await SupervisionCase.count()).toBe(1);
  });

  it('two offices opening a case on the same flag at once: one case', async () => {
    const results = await Promise.all([
      act('province', 'RiskFlag', flags.province.id, 'openCase', '并发甲'),
      act('province', 'RiskFlag', flags.province.id, 'openCase', '并发乙'),
    ]);
    expect(results.filter((r) => r.notice.type === 'success')).toHaveLength(1);
    expect(await SupervisionCase.count({ where: { regionCode: '360000' } })).toBe(1);
  });
});

describe('监管案件', () => {
  let county: SupervisionCase;
  beforeAll(async () => {
    county = (await SupervisionCase.findOne({ where: { regionCode: '360121' } }))!;
  });

  it('is seen by its office and those above, not by another city', async () => {
    for (const user of ['nanchangxian', 'nanchang', 'province'])
      expect((await listed(user, 'SupervisionCase')).map((r) => Number(r.id))).toContain(county.id);
    expect((await listed('ganzhou', 'SupervisionCase')).map((r) => Number(r.id))).not.toContain(county.id);
    expect((await clients.ganzhou!.get(api.show('SupervisionCase', county.id))).body.record.baseError.type).toBe('NotFoundError');
    expect((await act('ganzhou', 'SupervisionCase', county.id, 'questionUnit', '越权质询')).record.baseError.type).toBe('NotFoundError');
  });

  it('refuses the wrong step, a missing text and an office that does not hold the case, changing nothing', async () => {
    const before = await county.reload();
    expect((await act('nanchangxian', 'SupervisionCase', county.id, 'recordAnswer', '答复')).notice.message).toBe(
      '当前状态为“已分办”，不能执行“记录答复”',
    );
    expect((await act('nanchangxian', 'SupervisionCase', county.id, 'questionUnit')).notice.message).toBe('请填写质询内容（必填）');
    expect((await act('nanchangxian', 'SupervisionCase', county.id, 'concludeConfirmed')).notice.message).toBe('请填写处理措施（必填）');
    expect((await act('nanchangxian', 'SupervisionCase', county.id, 'concludeUnfounded')).notice.message).toBe(
      '请填写不属实的理由（必填）',
    );
    expect((await act('nanchangxian', 'SupervisionCase', county.id, 'transferCase')).notice.message).toBe('请填写移交理由（必填）');
    expect((await act('nanchang', 'SupervisionCase', county.id, 'questionUnit', '市里质询')).notice.message).toContain('无权处理');
    expect((await county.reload()).get()).toEqual(before.get());
    expect(await CaseEntry.count()).toBe(0);
  });

  it('质询 → 答复 → 办结（属实）: each step kept, its clock restarted, audited with its text', async () => {
    const question = await act('nanchangxian', 'SupervisionCase', county.id, 'questionUnit', '请说明仅一家投标的原因');
    expect(question.notice.type).toBe('success');
    expect(await county.reload()).toMatchObject({ status: 'questioned', version: 1 });
    const answer = await act('nanchangxian', 'SupervisionCase', county.id, 'recordAnswer', '公告期内仅一家报名');
    expect(answer.notice.type).toBe('success');
    const entries = await CaseEntry.findAll({ where: { caseId: county.id }, order: [['id', 'ASC']] });
    expect(entries.map((e) => [e.kind, e.text, e.by, e.regionCode])).toEqual([
      ['question', '请说明仅一家投标的原因', 'nanchangxian', '360121'],
      ['answer', '公告期内仅一家报名', 'nanchangxian', '360121'],
    ]);
    const shown = await clients.nanchangxian!.get(api.show('SupervisionCase', county.id));
    const blocks = JSON.parse(shown.body.record.params.related) as Array<{ resourceId: string; total: number }>;
    expect(blocks.map((b) => [b.resourceId, b.total])).toEqual([
      ['RiskFlag', 2],
      ['CaseEntry', 2],
    ]);
    const done = await act('nanchangxian', 'SupervisionCase', county.id, 'concludeConfirmed', '责令整改，约谈采购单位');
    expect(done.notice.type).toBe('success');
    expect(await county.reload()).toMatchObject({
      status: 'concluded',
      conclusion: 'confirmed',
      measures: '责令整改，约谈采购单位',
      concludedBy: 'nanchangxian',
      dueDate: null,
      overdue: false,
    });
    const audits = await AuditLog.findAll({
      where: { resourceId: 'SupervisionCase', recordId: String(county.id) },
      order: [['id', 'ASC']],
    });
    expect(audits.map((a) => [a.action, a.reason])).toEqual([
      ['openCase', '单一响应集中出现'],
      ['questionUnit', '请说明仅一家投标的原因'],
      ['recordAnswer', '公告期内仅一家报名'],
      ['concludeConfirmed', '责令整改，约谈采购单位'],
    ]);
    expect((await act('nanchangxian', 'SupervisionCase', county.id, 'transferCase', '再移交')).notice.message).toBe(
      '当前状态为“已办结”，不能执行“移交”',
    );
  });

  it('移交 moves a county’s case to its city, entries and all; the province has nobody above', async () => {
    await bulk('nanchang', [flags.city.id], 'openCaseBulk', '市本级');
    const cityCase = (await SupervisionCase.findOne({ where: { regionCode: '360100' } }))!;
    await act('nanchang', 'SupervisionCase', cityCase.id, 'questionUnit', '请说明');
    const moved = await act('nanchang', 'SupervisionCase', cityCase.id, 'transferCase', '涉及省级预算单位');
    expect(moved.notice.type).toBe('success');
    expect(await cityCase.reload()).toMatchObject({ regionCode: '360000', status: 'transferred', reason: '涉及省级预算单位' });
    expect((await CaseEntry.findOne({ where: { caseId: cityCase.id } }))!.regionCode).toBe('360000');
    // Its history names the offices, not their codes.
    const page = await clients.province!.get(api.show('SupervisionCase', cityCase.id));
    const history = JSON.parse(page.body.record.params.history) as Array<{
      action: string;
      changes: Record<string, { before: unknown; after: unknown }>;
    }>;
    expect(history.find((h) => h.action === 'transferCase')!.changes.regionCode).toEqual({ before: '南昌市', after: '江西省' });
    expect((await listed('nanchang', 'SupervisionCase')).map((r) => Number(r.id))).not.toContain(cityCase.id);
    // The province takes it from there, and has no office above to pass it to.
    const form = await clients.province!.get(api.record('SupervisionCase', cityCase.id, 'transferCase'));
    expect(form.body.refusal).toContain('没有上级机关');
    expect((await act('province', 'SupervisionCase', cityCase.id, 'transferCase', '再上交')).notice.message).toContain('没有上级机关');
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((who) => act('province', 'SupervisionCase', cityCase.id, 'concludeUnfounded', `${who}：经核实不属实`)),
    );
    expect(results.filter((r) => r.notice.type === 'success')).toHaveLength(1);
    for (const loser of results.filter((r) => r.notice.type !== 'success'))
      expect(['该记录已被他人处理', '当前状态为“已办结”，不能执行“办结（不属实）”']).toContain(loser.notice.message);
    expect(await cityCase.reload()).toMatchObject({ status: 'concluded', conclusion: 'unfounded' });
    expect(
      await AuditLog.count({ where: { resourceId: 'SupervisionCase', recordId: String(cityCase.id), action: 'concludeUnfounded' } }),
    ).toBe(1);
  });
});

describe('the workbench', () => {
  it('counts open flags by region within the jurisdiction; the province alone sees the share found 不属实 per rule', async () => {
    const dashboard = async (user: string) => (await clients[user]!.get('/admin/api/dashboard')).body.charts;
    const county = await dashboard('nanchangxian');
    expect(county.flagsByRegion).toEqual([{ regionCode: '360121', regionName: '南昌县', red: 0, orange: 2, yellow: 0 }]);
    expect(county.unfoundedByRule).toBeUndefined();
    const city = await dashboard('nanchang');
    expect(city.flagsByRegion.map((r: any) => [r.regionCode, r.orange])).toEqual([
      ['360100', 1],
      ['360121', 2],
    ]);
    expect(city.unfoundedByRule).toBeUndefined();
    const province = await dashboard('province');
    const total = province.flagsByRegion.reduce((n: number, r: any) => n + r.red + r.orange + r.yellow, 0);
    expect(total).toBe(Object.keys(flags).length);
    expect(province.unfoundedByRule).toEqual([{ rule: 'singleResponse', label: '单一响应', concluded: 2, unfounded: 1, share: 0.5 }]);
  });
});

describe('a case past its step’s time limit', () => {
  it('is overdue and reported to the office above by the daily check, once', async () => {
    const project = flags.county1;
    await upsertFlags(
      [
        {
          rule: 'lateContractFiling',
          subjectType: 'ProcurementProject',
          subjectId: project.subjectId,
          subjectLabel: project.subjectLabel,
          regionCode: '360121',
          amount: 1000,
          figures: { 逾期工作日: 12 },
          threshold: '签订后 7 个工作日内备案',
          basis: '《政府采购法》第四十七条',
          severity: 'yellow',
          score: 1000,
        },
      ],
      { rule: 'lateContractFiling' },
      new Date(),
    );
    const flag = (await RiskFlag.findOne({ where: { rule: 'lateContractFiling', subjectId: project.subjectId } }))!;
    expect((await act('nanchangxian', 'RiskFlag', flag.id, 'openCase', '备案逾期')).notice.type).toBe('success');
    const late = (await SupervisionCase.findOne({ where: { regionCode: '360121', status: 'assigned' } }))!;
    await late.update({ stepStartedAt: new Date(Date.now() - 60 * 86_400_000) });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await refreshDeadlines(deadlineRules(), today);
    await refreshDeadlines(deadlineRules(), today);
    expect(await late.reload()).toMatchObject({ overdue: true });
    expect(late.overdueDays).toBeGreaterThan(20);
    const reported = await Escalation.findAll({ where: { resourceId: 'SupervisionCase', recordId: String(late.id) } });
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ step: 'caseHandling', regionCode: '360121', escalatedTo: '360100', resolved: false });
    // Questioning the unit starts the next step: the report is closed with the decision.
    expect((await act('nanchangxian', 'SupervisionCase', late.id, 'questionUnit', '请说明逾期原因')).notice.type).toBe('success');
    expect(await late.reload()).toMatchObject({ overdue: false, status: 'questioned' });
    expect(await reported[0]!.reload()).toMatchObject({ resolved: true, resolvedBy: 'nanchangxian', decision: '质询' });
  });
});
