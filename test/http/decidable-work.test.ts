import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { ContractFiling, IntegrationBudget, ProcurementUnit } from '../../db/models.js';
import { decisionsIn } from '../../actions/supervisory-action.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * Issue #25 item 3: a pending count is what this user can decide, what they only watch is shown apart, and a decision's
 * button is on a record exactly when the decision would not refuse it (the form's own refusal says so).
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const USERS = ['province', 'gongguanban', 'nanchang', 'nanchangxian', 'ganzhou'] as const;

interface Card {
  key: string;
  count: number;
  watching: number;
  href: string;
  watchHref: string;
  overdue: number;
}

const listUrl = (href: string, extra = '') => {
  const url = new URL(href, 'http://x');
  return `/admin/api/resources/${url.pathname.split('/')[3]}/actions/list?perPage=500&${url.searchParams.toString()}${extra}`;
};
const resourceOf = (href: string) => new URL(href, 'http://x').pathname.split('/')[3]!;
const decisionNames = (resourceId: string): string[] => {
  const definition = RESOURCE_DEFINITIONS.find(
    (d) => d.id === (RESOURCE_DEFINITIONS.find((r) => r.id === resourceId)?.decisionsOf ?? resourceId),
  )!;
  return decisionsIn(definition.options?.actions).map((spec) => spec.name);
};
const buttons = (record: any): string[] => record.recordActions.map((a: any) => a.name);

beforeAll(async () => {
  app = await startTestApp();
  for (const name of USERS) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

describe('工作台: counts of what the user may decide, and what they only watch', () => {
  it.each(USERS)('%s: every count is its list of records to decide, every watched count its list to watch', async (user) => {
    const { body } = await clients[user]!.get('/admin/api/dashboard');
    const cards = (body.pending as Card[]).filter((card) => card.key !== 'escalated');
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) {
      const mine = await clients[user]!.get(listUrl(card.href));
      expect(mine.status).toBe(200);
      expect({ card: card.key, total: mine.body.meta.total }).toEqual({ card: card.key, total: card.count });
      const watched = await clients[user]!.get(listUrl(card.watchHref));
      expect({ card: card.key, total: watched.body.meta.total }).toEqual({ card: card.key, total: card.watching });
      const names = decisionNames(resourceOf(card.href));
      expect(names.length).toBeGreaterThan(0);
      // A resource whose buttons are its own: a record to decide offers one of them, a watched record none.
      if (resourceOf(card.href) === 'BudgetCodeCheck') continue;
      for (const record of mine.body.records)
        expect({ card: card.key, id: record.id, offered: buttons(record).some((n) => names.includes(n)) }).toEqual({
          card: card.key,
          id: record.id,
          offered: true,
        });
      for (const record of watched.body.records)
        expect({ card: card.key, id: record.id, offered: buttons(record).filter((n) => names.includes(n)) }).toEqual({
          card: card.key,
          id: record.id,
          offered: [],
        });
    }
  });

  it('the province decides 省本级 units only, and watches the rest of the province', async () => {
    const { body } = await clients.province!.get('/admin/api/dashboard');
    const unit = (body.pending as Card[]).find((c) => c.key === 'unitReview')!;
    const own = await ProcurementUnit.count({ where: { status: 'submitted', regionCode: '360000' } });
    const all = await ProcurementUnit.count({ where: { status: 'submitted' } });
    expect(own).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(own);
    expect(unit).toMatchObject({ count: own, watching: all - own });
  });

  it('省公管办 reads every unit and payment but decides none of them', async () => {
    const { body } = await clients.gongguanban!.get('/admin/api/dashboard');
    const cards = Object.fromEntries((body.pending as Card[]).map((c) => [c.key, c]));
    expect(cards.unitReview).toMatchObject({ count: 0, overdue: 0 });
    expect(cards.unitReview.watching).toBeGreaterThan(0);
    expect(cards.payments).toMatchObject({ count: 0, overdue: 0 });
    expect(cards.payments.watching).toBeGreaterThan(0);
  });

  it('a county decides no expert, method change or import request: its city does', async () => {
    const { body } = await clients.nanchangxian!.get('/admin/api/dashboard');
    const cards = Object.fromEntries((body.pending as Card[]).map((c) => [c.key, c]));
    for (const key of ['expertReview', 'methodChange', 'importProduct']) {
      if (cards[key]) expect({ key, count: cards[key].count }).toEqual({ key, count: 0 });
    }
  });
});

describe('Buttons only where the decision would go through', () => {
  const cases: Array<[string, string]> = [
    ['province', 'ProcurementUnit'],
    ['nanchang', 'ProcurementUnit'],
    ['gongguanban', 'PaymentApplication'],
    ['nanchangxian', 'MethodChangeRequest'],
    ['nanchang', 'MethodChangeRequest'],
    ['ganzhou', 'ManualPushFiling'],
    ['nanchang', 'Expert'],
    ['province', 'ExpertSpecialtyReview'],
    ['nanchangxian', 'IntegrationBudget'],
  ];
  it.each(cases)('%s on %s: a hidden button would be refused, a shown one is on a record the user decides', async (user, resourceId) => {
    const names = decisionNames(resourceId);
    const list = await clients[user]!.get(api.list(resourceId));
    expect(list.status).toBe(200);
    expect(list.body.records.length).toBeGreaterThan(0);
    const decidable = await clients[user]!.get(api.list(resourceId, '&filters.decidable=true'));
    expect(decidable.status).toBe(200);
    const mine = new Set(decidable.body.records.map((r: any) => r.id));
    // Both sides of the rule: records that offer a decision and records that offer none.
    const offering = list.body.records.filter((r: any) => buttons(r).some((n) => names.includes(n)));
    const sample = [...offering.slice(0, 20), ...list.body.records.filter((r: any) => !offering.includes(r)).slice(0, 20)];
    let checked = 0;
    for (const record of sample) {
      for (const name of names) {
        const shown = buttons(record).includes(name);
        if (shown) {
          expect({ id: record.id, name, decides: mine.has(record.id) }).toEqual({ id: record.id, name, decides: true });
        } else {
          const form = await clients[user]!.get(api.record(resourceId, record.id, name));
          const refused = form.body.refusal != null || form.body.notice?.type === 'error';
          expect({ id: record.id, name, refused }).toEqual({ id: record.id, name, refused: true });
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('重置预算匹配 is not offered on a line whose contract was pushed', async () => {
    const pushed = await ContractFiling.findOne({ where: { pushStatus: 'pushed', regionCode: '360121', budgetLineId: { [Op.ne]: null } } });
    expect(pushed).not.toBeNull();
    const line = await IntegrationBudget.findOne({ where: { budgetLineId: pushed!.budgetLineId! } });
    expect(line).not.toBeNull();
    await line!.update({ matchStatus: 'matched', matchedProjectCode: 'P-T', matchedProjectName: '测试项目' });
    const shown = await clients.nanchangxian!.get(api.show('IntegrationBudget', line!.id));
    expect(shown.status).toBe(200);
    expect(buttons(shown.body.record)).not.toContain('resetBudgetMatch');
  });
});

describe('Lists that mix levels', () => {
  it('show the region, and 待我处理 narrows them to what the user decides', async () => {
    const list = await clients.ganzhou!.get(api.list('ManualPushFiling'));
    expect(list.status).toBe(200);
    const regions = new Set(list.body.records.map((r: any) => r.params.regionCode));
    expect(regions.size).toBeGreaterThan(1);
    const resource = await clients.ganzhou!.get('/admin/api/resources/ManualPushFiling/actions/list?perPage=1');
    expect(resource.status).toBe(200);
    const mine = await clients.ganzhou!.get(api.list('ManualPushFiling', '&filters.decidable=true'));
    expect(mine.body.records.length).toBeGreaterThan(0);
    for (const record of mine.body.records) expect(record.params.regionCode).toBe('360700');
  });
});
