import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { chinaDay } from '../../domain/dates.js';
import { refreshDeadlinesJob } from '../../jobs/processors/refresh-deadlines.processor.js';
import {
  Escalation,
  ExpertSpecialtyReview,
  ImportProductRequest,
  MethodChangeRequest,
  PaymentApplication,
  PreAwardAnomaly,
  ProcurementUnit,
} from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const job = { id: 't', name: 'refreshDeadlines', attemptsMade: 0, maxAttempts: 1, updateProgress: async () => undefined };
// Long enough ago that every kind's limit (5 or 10 working days) plus the 3-day margin has passed.
const LONG_AGO = new Date(Date.now() - 60 * 86_400_000);

interface Kind {
  resourceId: string;
  model: ModelStatic<Model>;
  pending: WhereOptions;
  /** When the record's clock started: moved back so it is overdue and escalated. */
  startField: string;
  /** The office deciding it, its workbench card, and the action it takes. */
  decider: string;
  card: string;
  action: string;
  reason: string;
  /** The office the overdue record is reported to: the one above the decider. */
  escalatedTo: string;
  reporter: string;
}

const KINDS: Kind[] = [
  {
    resourceId: 'ProcurementUnit',
    model: ProcurementUnit as unknown as ModelStatic<Model>,
    pending: { regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'match' },
    startField: 'submittedAt',
    decider: 'nanchangxian',
    card: 'unitReview',
    action: 'approve',
    reason: '',
    escalatedTo: '360100',
    reporter: 'nanchang',
  },
  {
    resourceId: 'PaymentApplication',
    model: PaymentApplication as unknown as ModelStatic<Model>,
    pending: { regionCode: '360121', status: 'pending' },
    startField: 'appliedAt',
    decider: 'nanchangxian',
    card: 'payments',
    action: 'rejectPayment',
    reason: '发票与合同金额不符',
    escalatedTo: '360100',
    reporter: 'nanchang',
  },
  {
    resourceId: 'PreAwardAnomaly',
    model: PreAwardAnomaly as unknown as ModelStatic<Model>,
    pending: { regionCode: '360121', state: 'awaiting_supervisor' },
    startField: 'unitApprovedAt',
    decider: 'nanchangxian',
    card: 'preAward',
    action: 'confirmAnomaly',
    reason: '',
    escalatedTo: '360100',
    reporter: 'nanchang',
  },
  {
    // A county's request is decided by its city (art. 27), so its lateness is the city's: reported to the province.
    resourceId: 'MethodChangeRequest',
    model: MethodChangeRequest as unknown as ModelStatic<Model>,
    pending: { regionCode: '360121', state: 'submitted' },
    startField: 'submittedAt',
    decider: 'nanchang',
    card: 'methodChange',
    action: 'rejectRequest',
    reason: '不符合变更条件',
    escalatedTo: '360000',
    reporter: 'province',
  },
  {
    resourceId: 'ImportProductRequest',
    model: ImportProductRequest as unknown as ModelStatic<Model>,
    pending: { regionCode: '360121', state: 'submitted' },
    startField: 'submittedAt',
    decider: 'nanchang',
    card: 'importProduct',
    action: 'rejectRequest',
    reason: '国内产品可满足需求',
    escalatedTo: '360000',
    reporter: 'province',
  },
  {
    // The city step passed: the record goes on to the province's step with a fresh limit, not overdue.
    resourceId: 'ExpertSpecialtyReview',
    model: ExpertSpecialtyReview as unknown as ModelStatic<Model>,
    pending: { registrationRegion: '360121', state: 'city_review' },
    startField: 'appliedAt',
    decider: 'nanchang',
    card: 'specialtyReview',
    action: 'approveSpecialtyStep',
    reason: '',
    escalatedTo: '360000',
    reporter: 'province',
  },
];

const chosen = new Map<string, string>();
const overdueCount = async (user: string, card: string) =>
  ((await clients[user]!.get('/admin/api/dashboard')).body.pending.find((c: any) => c.key === card)?.overdue ?? 0) as number;
const escalatedCount = async (user: string) =>
  ((await clients[user]!.get('/admin/api/dashboard')).body.pending.find((c: any) => c.key === 'escalated')?.count ?? 0) as number;
const overdueIds = async (user: string, resourceId: string) =>
  ((await clients[user]!.get(api.list(resourceId, '&filters.overdue=true'))).body.records as any[]).map((r) => String(r.id));

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['province', 'nanchang', 'nanchangxian']) clients[name] = await login(app.url, name);
  // The start-up refresh reported the demo's overdue records; moving a clock back would report them again on a new due date.
  await Escalation.destroy({ where: {} });
  for (const kind of KINDS) {
    const row = await kind.model.findOne({ where: kind.pending, order: [['id', 'ASC']] });
    if (!row) throw new Error(`demo data has no pending ${kind.resourceId}`);
    await row.update({ [kind.startField]: LONG_AGO });
    chosen.set(kind.resourceId, String(row.get('id')));
  }
  await refreshDeadlinesJob({ today: chinaDay(new Date()) }, job);
});
afterAll(async () => {
  await app.stop();
});

describe("a decision ends the record's deadline and closes its escalations at once (not at the next daily run)", () => {
  it.each(KINDS.map((k) => [k.resourceId, k] as const))('%s', async (_name, kind) => {
    const id = chosen.get(kind.resourceId)!;
    const before = await kind.model.findByPk(id);
    expect(before!.get()).toMatchObject({ overdue: true });
    expect(await overdueIds(kind.decider, kind.resourceId)).toContain(id);
    const open = await Escalation.findAll({ where: { resourceId: kind.resourceId, recordId: id, resolved: false } });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ escalatedTo: kind.escalatedTo, resolvedAt: null, decision: null });
    const overdueBefore = await overdueCount(kind.decider, kind.card);
    const escalatedBefore = await escalatedCount(kind.reporter);
    expect(overdueBefore).toBeGreaterThan(0);
    expect(escalatedBefore).toBeGreaterThan(0);

    const started = Date.now();
    const { body } = await clients[kind.decider]!.post(api.record(kind.resourceId, id, kind.action), { reason: kind.reason });
    expect(body.notice.type).toBe('success');

    const after = (await kind.model.findByPk(id))!.get() as Record<string, unknown>;
    expect(after).toMatchObject({ overdue: false, overdueDays: 0 });
    const shown = (await clients[kind.decider]!.get(api.show(kind.resourceId, id))).body.record.params;
    expect(shown.deadline ?? '').not.toMatch(/已超期/);
    expect(await overdueIds(kind.decider, kind.resourceId)).not.toContain(id);
    expect(await overdueCount(kind.decider, kind.card)).toBe(overdueBefore - 1);

    const closed = await Escalation.findAll({ where: { resourceId: kind.resourceId, recordId: id } });
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ resolved: true, resolvedBy: kind.decider, decision: expect.any(String) });
    expect(closed[0]!.decision!.length).toBeGreaterThan(0);
    expect(closed[0]!.resolvedAt!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(await escalatedCount(kind.reporter)).toBe(escalatedBefore - 1);
    const openList = (await clients[kind.reporter]!.get(api.list('Escalation', '&filters.resolved=false'))).body.records as any[];
    expect(openList.filter((r) => r.params.resourceId === kind.resourceId && String(r.params.recordId) === id)).toHaveLength(0);
  });

  it("a specialty review passed on by the city waits for the province with the province step's own, fresh limit", async () => {
    const review = (await ExpertSpecialtyReview.findByPk(chosen.get('ExpertSpecialtyReview')!))!;
    expect(review.state).toBe('province_review');
    expect(review.dueDate).not.toBeNull();
    expect(review.dueDate! >= chinaDay(new Date())).toBe(true);
  });

  it('the escalation names the decision taken', async () => {
    const rejected = await Escalation.findOne({
      where: { resourceId: 'MethodChangeRequest', recordId: chosen.get('MethodChangeRequest')! },
    });
    expect(rejected).toMatchObject({ decision: '不予批准', resolvedBy: 'nanchang' });
    const approved = await Escalation.findOne({ where: { resourceId: 'ProcurementUnit', recordId: chosen.get('ProcurementUnit')! } });
    expect(approved).toMatchObject({ decision: '审核通过', resolvedBy: 'nanchangxian' });
  });
});

describe('an overdue record is reported to the office above the one that must decide it', () => {
  it("a county's method change goes to the province (its city decides it), a county unit to its city; a city cannot see the former", async () => {
    const request = (await MethodChangeRequest.findOne({ where: { regionCode: '360121', state: 'submitted' }, order: [['id', 'DESC']] }))!;
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted' }, order: [['id', 'DESC']] }))!;
    await request.update({ submittedAt: LONG_AGO });
    await unit.update({ submittedAt: LONG_AGO });
    await refreshDeadlinesJob({ today: chinaDay(new Date()) }, job);
    const byRecord = async (resourceId: string, recordId: number) =>
      Escalation.findAll({ where: { resourceId, recordId: String(recordId), resolved: false } });
    const requestReports = await byRecord('MethodChangeRequest', request.id);
    expect(requestReports).toHaveLength(1);
    expect(requestReports[0]).toMatchObject({ regionCode: '360121', escalatedTo: '360000' });
    const unitReports = await byRecord('ProcurementUnit', unit.id);
    expect(unitReports).toHaveLength(1);
    expect(unitReports[0]).toMatchObject({ regionCode: '360121', escalatedTo: '360100' });

    const cityList = (await clients.nanchang!.get(api.list('Escalation', '&filters.resolved=false'))).body.records as any[];
    expect(cityList.some((r) => r.params.resourceId === 'ProcurementUnit' && String(r.params.recordId) === String(unit.id))).toBe(true);
    expect(cityList.some((r) => r.params.resourceId === 'MethodChangeRequest')).toBe(false);
    const provinceList = (await clients.province!.get(api.list('Escalation', '&filters.resolved=false'))).body.records as any[];
    expect(
      provinceList.some((r) => r.params.resourceId === 'MethodChangeRequest' && String(r.params.recordId) === String(request.id)),
    ).toBe(true);
  });

  it('nothing decided by the province is reported anywhere', async () => {
    const own = await ProcurementUnit.findOne({ where: { regionCode: '360000', status: 'submitted' } });
    if (own) await own.update({ submittedAt: LONG_AGO });
    await refreshDeadlinesJob({ today: chinaDay(new Date()) }, job);
    const reports = await Escalation.findAll({ where: { escalatedTo: { [Op.notLike]: '36%' } } });
    expect(reports).toHaveLength(0);
    expect(await Escalation.count({ where: { regionCode: '360000' } })).toBe(0);
    expect(await Escalation.count({ where: { resourceId: 'ExpertSpecialtyReview', escalatedTo: { [Op.ne]: '360000' } } })).toBe(0);
  });
});
