import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, Expert, ExpertSpecialtyReview, FailedTenderHandling, PreAwardAnomaly } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const act = (user: string, resource: string, id: number, action: string, reason = '') =>
  clients[user]!.post(api.record(resource, id, action), { reason }).then((r) => r.body);
const handling = (where: object) =>
  FailedTenderHandling.findOne({ where: { regionCode: '360100', ...where }, order: [['id', 'ASC']] }).then((h) => h!);

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou', 'gongguanban'])
    clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

describe('废标处理 in two menus', () => {
  it('招标方式 lists public tenders only, 非招标方式 the other methods', async () => {
    const tender = await clients.nanchang!.get(api.list('FailedTenderHandling'));
    const other = await clients.nanchang!.get(api.list('NonTenderFailedHandling'));
    expect(tender.body.records.length).toBeGreaterThan(0);
    expect(other.body.records.length).toBeGreaterThan(0);
    for (const r of tender.body.records) expect(r.params.originalMethod).toBe('public_tender');
    for (const r of other.body.records) expect(r.params.originalMethod).not.toBe('public_tender');
  });

  it("confirms a handling that waits for the office, with the rule's basis shown first, audited", async () => {
    const target = await handling({ state: 'awaiting_supervisor', originalMethod: 'public_tender' });
    const form = await clients.nanchang!.get(api.record('FailedTenderHandling', target.id, 'confirmAnomaly'));
    expect(form.body.details.find((d: any) => d.label === '须采购办确认的依据').value).toContain('≥ 公开招标数额标准 4,000,000.00 元');
    const body = await act('nanchang', 'FailedTenderHandling', target.id, 'confirmAnomaly', '同意改为竞争性谈判');
    expect(body.notice.type).toBe('success');
    expect(await target.reload()).toMatchObject({ state: 'approved', decidedBy: 'nanchang', decisionReason: '同意改为竞争性谈判' });
    const audit = await AuditLog.findOne({
      where: { resourceId: 'FailedTenderHandling', recordId: String(target.id), action: 'confirmAnomaly' },
    });
    expect(JSON.parse(audit!.changes!).state).toEqual({ before: 'awaiting_supervisor', after: 'approved' });
  });

  it('rejects only with a reason', async () => {
    const target = await handling({ state: 'awaiting_supervisor' });
    expect((await act('nanchang', 'NonTenderFailedHandling', target.id, 'rejectAnomaly')).notice.message).toBe('请填写原因（必填）');
    expect((await target.reload()).state).toBe('awaiting_supervisor');
    const body = await act('nanchang', 'NonTenderFailedHandling', target.id, 'rejectAnomaly', '单一来源理由不成立');
    expect(body.notice.type).toBe('success');
    expect(await target.reload()).toMatchObject({ state: 'rejected', decisionReason: '单一来源理由不成立' });
  });

  it.each([
    ['confirmAnomaly', 'editing', '当前状态为“编辑中”，不能执行“确认”'],
    ['confirmAnomaly', 'submitted', '当前状态为“已提交”，不能执行“确认”'],
    ['rejectAnomaly', 'approved', '当前状态为“已通过”，不能执行“驳回”'],
    ['returnToStepOne', 'rejected', '当前状态为“已驳回”，不能执行“回第一步”'],
    ['returnToStepOne', 'submitted', '当前状态为“已提交”，不能执行“回第一步”'],
  ])('%s on a handling in state %s is refused naming the state', async (action, state, message) => {
    const target = await handling({ state });
    const body = await act('nanchang', 'FailedTenderHandling', target.id, action, '测试');
    const nonTender =
      target.originalMethod === 'public_tender' ? body : await act('nanchang', 'NonTenderFailedHandling', target.id, action, '测试');
    expect(nonTender.notice.message).toBe(message);
    expect((await target.reload()).state).toBe(state);
  });

  it('the wrong roles and regions cannot decide', async () => {
    const target = await handling({ state: 'approved', originalMethod: 'public_tender' });
    expect((await act('ganzhou', 'FailedTenderHandling', target.id, 'returnToStepOne', 'x')).record.baseError.type).toBe('NotFoundError');
    expect((await act('nanchangxian', 'FailedTenderHandling', target.id, 'returnToStepOne', 'x')).record.baseError.type).toBe(
      'NotFoundError',
    );
    expect((await act('province', 'FailedTenderHandling', target.id, 'returnToStepOne', 'x')).notice.message).toContain(
      '无权处理南昌市的记录',
    );
    expect((await act('gongguanban', 'FailedTenderHandling', target.id, 'returnToStepOne', 'x')).record.baseError.type).toBe(
      'ForbiddenError',
    );
    expect((await target.reload()).state).toBe('approved');
  });

  it('回第一步 sends approved handlings back to editing, one or several at once, each audited with its reason', async () => {
    const approved = await FailedTenderHandling.findAll({
      where: { regionCode: '360100', state: 'approved', originalMethod: 'public_tender' },
    });
    const editing = await handling({ state: 'editing', originalMethod: 'public_tender' });
    expect(approved.length).toBeGreaterThanOrEqual(2);
    const missing = await clients.nanchang!.post(
      api.bulk(
        'FailedTenderHandling',
        approved.map((h) => h.id),
        'returnToStepOneBulk',
      ),
      { reason: '' },
    );
    expect(missing.body.notice.message).toBe('请填写原因（必填）');
    const { body } = await clients.nanchang!.post(
      api.bulk('FailedTenderHandling', [...approved.map((h) => h.id), editing.id], 'returnToStepOneBulk'),
      { reason: '代理机构申请重新评审' },
    );
    expect(body.notice.message).toContain(`已处理 ${approved.length} 条，未处理 1 条`);
    expect(body.notice.message).toContain('当前状态为“编辑中”，不能执行“回第一步”');
    for (const h of approved) {
      expect(await h.reload()).toMatchObject({ state: 'editing', decisionReason: '代理机构申请重新评审', unitApprovedAt: null });
      expect(
        await AuditLog.count({
          where: { resourceId: 'FailedTenderHandling', recordId: String(h.id), action: 'returnToStepOne', reason: '代理机构申请重新评审' },
        }),
      ).toBe(1);
    }
  });
});

describe('预中标（成交）异常处理', () => {
  it('confirms a substantive change and refuses a handling that never needed the office', async () => {
    const waiting = (await PreAwardAnomaly.findOne({ where: { regionCode: '360121', state: 'awaiting_supervisor' } }))!;
    expect(waiting.confirmationBasis).toContain('变更中标人排名顺序');
    expect((await act('nanchang', 'PreAwardAnomaly', waiting.id, 'confirmAnomaly')).notice.message).toContain('无权处理南昌县的记录');
    const body = await act('nanchangxian', 'PreAwardAnomaly', waiting.id, 'confirmAnomaly');
    expect(body.notice.type).toBe('success');
    expect((await waiting.reload()).state).toBe('approved');
    const cosmetic = (await PreAwardAnomaly.findOne({ where: { regionCode: '360121', state: 'approved', confirmationRequired: false } }))!;
    expect((await act('nanchangxian', 'PreAwardAnomaly', cosmetic.id, 'confirmAnomaly')).notice.message).toBe(
      '当前状态为“已通过”，不能执行“确认”',
    );
  });
});

describe('专家信息审核', () => {
  it("the city reviews its city's and counties' registrations; the province only 省本级's", async () => {
    const countyExpert = (await Expert.findOne({ where: { registrationRegion: '360121', state: 'submitted' } }))!;
    expect((await act('province', 'Expert', countyExpert.id, 'approveExpert')).notice.message).toBe(
      '注册地为南昌县的专家由所在市的采购办审核',
    );
    expect((await act('nanchangxian', 'Expert', countyExpert.id, 'approveExpert')).record.baseError.type).toBe('ForbiddenError');
    expect((await act('ganzhou', 'Expert', countyExpert.id, 'approveExpert')).record.baseError.type).toBe('NotFoundError');
    expect((await act('nanchang', 'Expert', countyExpert.id, 'approveExpert', '材料齐全')).notice.type).toBe('success');
    expect(await countyExpert.reload()).toMatchObject({ state: 'approved', reviewedBy: 'nanchang', reviewReason: '材料齐全' });

    const provincial = (await Expert.findOne({ where: { registrationRegion: '360000', state: 'submitted' } }))!;
    expect((await act('nanchang', 'Expert', provincial.id, 'approveExpert')).record.baseError.type).toBe('NotFoundError');
    expect((await act('province', 'Expert', provincial.id, 'rejectExpert')).notice.message).toBe('请填写原因（必填）');
    expect((await act('province', 'Expert', provincial.id, 'rejectExpert', '职称证书过期')).notice.type).toBe('success');
    expect((await provincial.reload()).state).toBe('rejected');
    expect((await act('province', 'Expert', provincial.id, 'approveExpert')).notice.message).toBe(
      '当前状态为“审核退回”，不能执行“审核通过”',
    );
  });
});

describe('评标专业审核: city → province → 省公管办', () => {
  it('walks one review through all three levels; no level acts out of turn', async () => {
    const review = (await ExpertSpecialtyReview.findOne({ where: { registrationRegion: '360121', state: 'city_review' } }))!;
    const step = (user: string, action = 'approveSpecialtyStep', reason = '') =>
      act(user, 'ExpertSpecialtyReview', review.id, action, reason);
    expect((await step('province')).notice.message).toContain('应由专家注册地所在市的采购办审核');
    expect((await step('gongguanban')).notice.message).toContain('应由专家注册地所在市的采购办审核');
    expect((await step('ganzhou')).record.baseError.type).toBe('NotFoundError');
    expect((await step('nanchangxian')).record.baseError.type).toBe('ForbiddenError');
    expect((await review.reload()).state).toBe('city_review');

    expect((await step('nanchang')).notice.type).toBe('success');
    expect(await review.reload()).toMatchObject({ state: 'province_review', cityReviewedBy: 'nanchang' });
    expect((await step('nanchang')).notice.message).toContain('应由省采购监管处审核');
    expect((await step('gongguanban')).notice.message).toContain('应由省采购监管处审核');

    expect((await step('province')).notice.type).toBe('success');
    expect(await review.reload()).toMatchObject({ state: 'gongguanban_review', provinceReviewedBy: 'province' });
    expect((await step('province')).notice.message).toContain('应由省公管办审核');

    expect((await step('gongguanban')).notice.type).toBe('success');
    expect(await review.reload()).toMatchObject({ state: 'approved', gongguanbanReviewedBy: 'gongguanban' });
    expect((await step('gongguanban')).notice.message).toContain('已不在审核流程中');
    const trail = await AuditLog.findAll({
      where: { resourceId: 'ExpertSpecialtyReview', recordId: String(review.id), action: 'approveSpecialtyStep' },
      order: [['id', 'ASC']],
    });
    expect(trail.map((a) => [a.actorUsername, a.action])).toEqual([
      ['nanchang', 'approveSpecialtyStep'],
      ['province', 'approveSpecialtyStep'],
      ['gongguanban', 'approveSpecialtyStep'],
    ]);
  });

  it('any level returns to the expert with a reason; a 省本级 expert starts at the province', async () => {
    const review = (await ExpertSpecialtyReview.findOne({ where: { registrationRegion: '360100', state: 'province_review' } }))!;
    expect((await act('province', 'ExpertSpecialtyReview', review.id, 'returnSpecialty')).notice.message).toBe('请填写原因（必填）');
    expect((await act('province', 'ExpertSpecialtyReview', review.id, 'returnSpecialty', '无相关业绩')).notice.type).toBe('success');
    expect(await review.reload()).toMatchObject({ state: 'returned', returnedBy: 'province', returnReason: '无相关业绩' });

    const provincial = await ExpertSpecialtyReview.findAll({ where: { registrationRegion: '360000' } });
    expect(provincial.some((r) => r.state === 'city_review')).toBe(false);
    const first = provincial.find((r) => r.state === 'province_review')!;
    expect((await act('province', 'ExpertSpecialtyReview', first.id, 'approveSpecialtyStep')).notice.type).toBe('success');
    expect(await first.reload()).toMatchObject({ state: 'gongguanban_review', cityReviewedBy: null });
  });
});
