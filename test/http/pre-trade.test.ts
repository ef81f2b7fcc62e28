import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, ImportProductRequest, MethodChangeRequest, ProcurementIntention } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const act = (user: string, resource: string, id: number, action: string, reason = '') =>
  clients[user]!.post(api.record(resource, id, action), { reason }).then((r) => r.body);
const isoDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou', 'gongguanban'])
    clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

describe('采购意向公开', () => {
  it('flags projects started less than 30 days after the intention, with the shortfall, filterable', async () => {
    const { body } = await clients.nanchang!.get(api.list('ProcurementIntention', '&filters.insufficientNotice=true'));
    expect(body.records.length).toBeGreaterThan(0);
    for (const r of body.records) {
      expect(r.params.insufficientNotice).toBe(true);
      expect(r.params.shortfallDays).toBeGreaterThan(0);
      expect(r.params.regionCode).toMatch(/^3601/);
    }
    const row = (await ProcurementIntention.findOne({ where: { regionCode: '360100', shortfallDays: 10 } }))!;
    expect(row).toMatchObject({ insufficientNotice: true });
    expect(Date.parse(row.procurementStartAt!) - Date.parse(row.publishedAt)).toBe(20 * 86_400_000);
    const enough = await ProcurementIntention.findAll({ where: { regionCode: '360100', insufficientNotice: false } });
    expect(enough.length).toBeGreaterThan(0);
    const response = await clients.nanchang!.post(api.record('ProcurementIntention', row.id, 'edit'), { publishedAt: '2020-01-01' });
    expect(response.body.record.baseError.type).toBe('ForbiddenError');
  });
});

describe('采购方式变更审批', () => {
  const countyRequest = (where: object) =>
    MethodChangeRequest.findOne({ where: { regionCode: '360121', ...where }, order: [['id', 'ASC']] }).then((r) => r!);

  it("a county's request is decided by its city; the county sees it read-only, another city not at all", async () => {
    const request = await countyRequest({ requestedMethod: 'competitive_negotiation', state: 'submitted' });
    expect(request.approvingRegion).toBe('360100');
    const county = await clients.nanchangxian!.get(api.show('MethodChangeRequest', request.id));
    expect(county.body.record.params.projectName).toBe(request.projectName);
    expect(county.body.record.recordActions.map((a: any) => a.name)).toEqual(['show']);
    expect((await act('nanchangxian', 'MethodChangeRequest', request.id, 'approveRequest')).record.baseError.type).toBe('ForbiddenError');
    expect((await clients.ganzhou!.get(api.show('MethodChangeRequest', request.id))).body.record.baseError.type).toBe('NotFoundError');
    expect((await act('ganzhou', 'MethodChangeRequest', request.id, 'approveRequest')).record.baseError.type).toBe('NotFoundError');
    expect((await act('province', 'MethodChangeRequest', request.id, 'approveRequest')).notice.message).toContain('由南昌市的采购办审批');
    expect((await act('gongguanban', 'MethodChangeRequest', request.id, 'approveRequest')).record.baseError.type).toBe('ForbiddenError');
    expect((await request.reload()).state).toBe('submitted');

    const body = await act('nanchang', 'MethodChangeRequest', request.id, 'approveRequest', '理由充分');
    expect(body.notice.type).toBe('success');
    expect(await request.reload()).toMatchObject({ state: 'approved', decidedBy: 'nanchang', decisionReason: '理由充分' });
    expect(
      await AuditLog.count({ where: { resourceId: 'MethodChangeRequest', recordId: String(request.id), action: 'approveRequest' } }),
    ).toBe(1);
    expect((await act('nanchang', 'MethodChangeRequest', request.id, 'rejectRequest', '再驳回')).notice.message).toBe(
      '当前状态为“已批准”，不能执行“不予批准”',
    );
  });

  it('a single-source change is refused while its notice runs, with the reason, and approved once it has ended', async () => {
    const request = await countyRequest({ requestedMethod: 'single_source', state: 'submitted' });
    await request.update({ noticeStartAt: isoDay(-2), noticeEndAt: isoDay(8) });
    const form = await clients.nanchang!.get(api.record('MethodChangeRequest', request.id, 'approveRequest'));
    expect(form.body.refusal).toContain('公示期满');
    const early = await act('nanchang', 'MethodChangeRequest', request.id, 'approveRequest');
    expect(early.notice).toMatchObject({
      type: 'error',
      message: expect.stringContaining(`单一来源公示期为 ${isoDay(-2)} 至 ${isoDay(8)}`),
    });
    expect((await request.reload()).state).toBe('submitted');

    await request.update({ noticeStartAt: isoDay(-3), noticeEndAt: isoDay(-1) });
    const short = await act('nanchang', 'MethodChangeRequest', request.id, 'approveRequest');
    expect(short.notice.message).toMatch(/仅 \d 个工作日，不足 5 个工作日/);

    await request.update({ noticeStartAt: '2026-10-19', noticeEndAt: '2026-10-23' });
    const ok = await act('nanchang', 'MethodChangeRequest', request.id, 'approveRequest');
    expect(ok.notice.type).toBe('success');
    expect((await request.reload()).state).toBe('approved');
  });

  it('a single-source change below the threshold needs no notice; rejection needs a reason', async () => {
    const request = await countyRequest({ requestedMethod: 'single_source' });
    await request.update({
      state: 'submitted',
      amount: '3999999.99',
      noticeStartAt: null,
      noticeEndAt: null,
      version: request.version + 1,
    });
    expect((await act('nanchang', 'MethodChangeRequest', request.id, 'rejectRequest')).notice.message).toBe('请填写原因（必填）');
    expect((await act('nanchang', 'MethodChangeRequest', request.id, 'approveRequest')).notice.type).toBe('success');
    const other = await countyRequest({ state: 'submitted' });
    expect((await act('nanchang', 'MethodChangeRequest', other.id, 'rejectRequest', '不符合单一来源条件')).notice.type).toBe('success');
    expect(await other.reload()).toMatchObject({ state: 'rejected', decisionReason: '不符合单一来源条件' });
  });

  it("a city decides its own requests and the province 省本级's", async () => {
    const city = (await MethodChangeRequest.findOne({
      where: { regionCode: '360100', state: 'submitted', requestedMethod: 'competitive_negotiation' },
    }))!;
    expect((await act('nanchang', 'MethodChangeRequest', city.id, 'approveRequest')).notice.type).toBe('success');
    const provincial = (await MethodChangeRequest.findOne({
      where: { regionCode: '360000', state: 'submitted', requestedMethod: 'competitive_negotiation' },
    }))!;
    expect((await act('nanchang', 'MethodChangeRequest', provincial.id, 'approveRequest')).record.baseError.type).toBe('NotFoundError');
    expect((await act('province', 'MethodChangeRequest', provincial.id, 'approveRequest')).notice.type).toBe('success');
  });
});

describe('进口产品采购审核', () => {
  it('the same decision rules: the city for its county, reason required to refuse, audited', async () => {
    const request = (await ImportProductRequest.findOne({ where: { regionCode: '360121', state: 'submitted' } }))!;
    expect((await act('nanchangxian', 'ImportProductRequest', request.id, 'approveRequest')).record.baseError.type).toBe('ForbiddenError');
    expect((await act('nanchang', 'ImportProductRequest', request.id, 'rejectRequest')).notice.message).toBe('请填写原因（必填）');
    expect((await act('nanchang', 'ImportProductRequest', request.id, 'rejectRequest', '国内产品可满足需求')).notice.type).toBe('success');
    expect(await request.reload()).toMatchObject({ state: 'rejected', decidedBy: 'nanchang' });
    // The supervisors' entries only: the daily deadline job may also have recorded the request's escalation.
    const audits = await AuditLog.findAll({
      where: { resourceId: 'ImportProductRequest', recordId: String(request.id), actorRole: { [Op.ne]: 'system' } },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'rejectRequest', reason: '国内产品可满足需求', actorUsername: 'nanchang' });
  });
});
