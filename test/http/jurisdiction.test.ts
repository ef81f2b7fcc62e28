import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, ProcurementUnit } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  app = await startTestApp();
  for (const user of ['admin', 'province', 'nanchang', 'nanchangxian', 'ganzhou', 'gongguanban']) {
    clients[user] = await login(app.url, user);
  }
});
afterAll(async () => {
  await app.stop();
});

const regionsOf = (body: any, field = 'regionCode'): string[] => [...new Set<string>(body.records.map((r: any) => r.params[field]))].sort();

describe('list and search follow the region subtree', () => {
  // Every regional list against each user's subtree: test/http/jurisdiction-matrix.test.ts, from the registry.

  it('search (reference drop-downs) never offers another region', async () => {
    const { body } = await clients.ganzhou!.get(api.search('ProcurementUnit', '南昌'));
    expect(body.records).toEqual([]);
    const own = await clients.nanchangxian!.get(api.search('ProcurementUnit', '南昌县'));
    expect(own.body.records.length).toBeGreaterThan(0);
  });

  it('a filter naming another region cannot widen the view', async () => {
    const { body } = await clients.ganzhou!.get(api.list('ProcurementUnit', '&filters.regionCode=360121'));
    expect(body.meta.total).toBe(0);
  });
});

// Reads keep their generated SQL and, on SQLite, their prepared statements: the same page asked by two regions, one
// after the other and at once, must still give each its own rows, and a record one region has opened stays closed to
// the other.
describe('kept statements carry nothing from one region to another', () => {
  it('the same list, alternating and concurrent, gives each region its own rows', async () => {
    const page = api.list('IntegrationBudget', '&page=1&sortBy=id&direction=desc');
    const ask = async (user: string) => regionsOf((await clients[user]!.get(page)).body);
    for (let round = 0; round < 3; round++) {
      expect(await ask('nanchangxian')).toEqual(['360121']);
      expect(await ask('ganzhou')).toEqual(['360700', '360702']);
    }
    const together = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(i % 2 ? 'ganzhou' : 'nanchangxian')));
    together.forEach((regions, i) => expect(regions).toEqual(i % 2 ? ['360700', '360702'] : ['360121']));
  });

  it('a record opened by its own region stays not-found for another, and the other way round', async () => {
    const own = (await ProcurementUnit.findOne({ where: { regionCode: '360121' } }))!;
    for (let round = 0; round < 2; round++) {
      expect((await clients.nanchangxian!.get(api.show('ProcurementUnit', own.id))).body.record.params.name).toBe(own.name);
      const foreign = (await clients.ganzhou!.get(api.show('ProcurementUnit', own.id))).body;
      expect(foreign.record.baseError.type).toBe('NotFoundError');
      expect(JSON.stringify(foreign)).not.toContain(own.name);
    }
  });
});

describe('another region is invisible and untouchable through every endpoint', () => {
  let foreign: ProcurementUnit;
  beforeAll(async () => {
    foreign = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'match' } }))!;
  });

  it('show answers not-found with no data', async () => {
    const { body } = await clients.ganzhou!.get(api.show('ProcurementUnit', foreign.id));
    expect(body.record.baseError.type).toBe('NotFoundError');
    expect(body.notice.message).toBe('该记录不存在或不在您的辖区内');
    expect(JSON.stringify(body)).not.toContain(foreign.name);
  });

  it('custom record actions are refused and change nothing', async () => {
    for (const action of ['approve', 'reject']) {
      const { body } = await clients.ganzhou!.post(api.record('ProcurementUnit', foreign.id, action), { reason: '越权尝试' });
      expect(body.notice.type).toBe('error');
    }
    await foreign.reload();
    expect(foreign.status).toBe('submitted');
    expect(await AuditLog.count({ where: { recordId: String(foreign.id), actorUsername: 'ganzhou' } })).toBe(0);
  });

  it('bulk actions drop records outside the jurisdiction', async () => {
    const own = (await ProcurementUnit.findOne({ where: { regionCode: '360700', status: 'submitted', budgetCodeVerdict: 'match' } }))!;
    const { body } = await clients.ganzhou!.post(api.bulk('ProcurementUnit', [foreign.id, own.id], 'approveBulk'), {});
    expect(body.done).toEqual([own.name]);
    await foreign.reload();
    expect(foreign.status).toBe('submitted');
  });

  it('built-in writes do not exist on read-only resources', async () => {
    for (const action of ['edit', 'delete']) {
      const { body } = await clients.ganzhou!.post(api.record('ProcurementUnit', foreign.id, action), { name: 'x' });
      expect(body.notice.type).toBe('error');
    }
    const create = await clients.nanchangxian!.post(api.resourceAction('ProcurementUnit', 'new'), { name: 'x', regionCode: '360121' });
    expect(create.body.notice.type).toBe('error');
    expect(create.body.record.baseError.type).toBe('ForbiddenError');
    await foreign.reload();
    expect(foreign.name).not.toBe('x');
    expect(await ProcurementUnit.count({ where: { name: 'x' } })).toBe(0);
  });

  it('the audit trail is the audit administrator’s to read (三员分立); an office has its records’ own history only', async () => {
    const denied = await clients.nanchangxian!.get(api.list('AuditLog'));
    expect(denied.body.record.baseError.type).toBe('ForbiddenError');
    expect(denied.body.records).toEqual([]);
    const auditor = await login(app.url, 'auditor');
    const { body } = await auditor.get(api.list('AuditLog', '&filters.regionCode=360121'));
    expect(body.records.length).toBeGreaterThan(0);
    for (const record of body.records) expect(record.params.regionCode).toBe('360121');
  });

  it('users and their password hashes are for the system administrator only, who sees the offices’ accounts', async () => {
    const denied = await clients.province!.get(api.list('SupervisorUser'));
    expect(denied.body.record.baseError.type).toBe('ForbiddenError');
    expect(denied.body.records).toEqual([]);
    const allowed = await clients.admin!.get(api.list('SupervisorUser'));
    expect(allowed.body.records.map((r: any) => r.params.username).sort()).toEqual([
      'ganzhou',
      'gongguanban',
      'nanchang',
      'nanchangxian',
      'province',
    ]);
    expect(JSON.stringify(allowed.body)).not.toMatch(/argon2/);
  });

  it('an anonymous request gets nothing', async () => {
    const response = await fetch(`${app.url}${api.list('ProcurementUnit')}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
  });
});
