import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataExport, SupervisorUser } from '../../db/models.js';
import { recordAudits } from '../../services/audit.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  county = await login(app.url, 'nanchangxian');
  admin = await login(app.url, 'admin');
});
afterAll(async () => {
  await app.stop();
});

const list = (client: Client, resource: string, query: string) => client.get(`/admin/api/resources/${resource}/actions/list?${query}`);

describe('page and page size', () => {
  it.each([
    'perPage=-1',
    'perPage=0',
    'perPage=501',
    'perPage=1.5',
    'perPage=abc',
    'perPage=1e3',
    'perPage=99999999999',
    'page=0',
    'page=-1',
    'page=2.5',
    'page=x',
    'page=1000000000000',
    'perPage=10&perPage=20',
  ])('%s is refused with 400 and a Chinese message, not a 500 or every row', async (query) => {
    const { status, body } = await list(county, 'IntegrationBudget', query);
    expect(status).toBe(400);
    expect(body.code).toBe('bad_list_request');
    expect(body.message).toMatch(/^参数 (page|perPage) /);
  });

  it('the largest page is 500 rows; the first page is 1', async () => {
    const { status, body } = await list(admin, 'IntegrationBudget', 'perPage=500&page=1');
    expect(status).toBe(200);
    expect(body.meta.perPage).toBe(500);
    expect(body.records.length).toBeLessThanOrEqual(500);
    expect(body.records.length).toBeGreaterThan(0);
  });

  it('search drop-downs are held to the same bounds', async () => {
    const { status } = await county.get(`/admin/api/resources/ProcurementUnit/search/?perPage=-1`);
    expect(status).toBe(400);
  });
});

describe('sorting', () => {
  it.each(['constructor', '__proto__', 'toString', 'passwordHash', 'no_such_column'])('sortBy=%s is refused with 400', async (sortBy) => {
    const { status, body } = await list(admin, 'SupervisorUser', `sortBy=${sortBy}`);
    expect(status).toBe(400);
    expect(body.message).toContain('排序');
  });

  it('a sortable column sorts, in either direction; another direction is refused', async () => {
    const { status, body } = await list(admin, 'SupervisorUser', 'sortBy=username&direction=desc');
    expect(status).toBe(200);
    const names = body.records.map((r: any) => r.params.username);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort().reverse());
    expect((await list(admin, 'SupervisorUser', 'sortBy=username&direction=sideways')).status).toBe(400);
  });
});

describe('filters: only what the resource offers', () => {
  it('a password hash cannot be filtered by prefix, in the list, the search or an export', async () => {
    const exportsBefore = await DataExport.count();
    for (const url of [
      api.list('SupervisorUser', '&filters.passwordHash=%24argon2id'),
      '/admin/api/resources/SupervisorUser/search/admin?filters.passwordHash=%24argon2id',
      '/admin/api/resources/SupervisorUser/search/%24argon2?searchProperty=passwordHash',
    ]) {
      const { status, body } = await admin.get(url);
      expect(status).toBe(400);
      expect(JSON.stringify(body)).not.toContain('$argon2id$');
    }
    const exported = await admin.post(api.resourceAction('SupervisorUser', 'exportXlsx'), { query: '?filters.passwordHash=%24argon2id' });
    expect(exported.status).toBe(400);
    expect(await DataExport.count()).toBe(exportsBefore);
  });

  it('a column not offered as a filter is refused; an offered one, a date range and the links the product makes work', async () => {
    expect((await list(county, 'ProcurementUnit', 'filters.reviewComment=x')).status).toBe(400);
    expect((await list(county, 'ProcurementUnit', 'filters.status=submitted')).status).toBe(200);
    expect((await list(county, 'ProcurementUnit', 'filters.submittedAt~~from=2026-01-01&filters.submittedAt~~to=2026-12-31')).status).toBe(
      200,
    );
    const { body } = await county.get('/admin/api/dashboard');
    const links: string[] = body.pending.map((card: { href: string }) => card.href);
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) {
      const [path, query] = href.split('?');
      const resource = path!.split('/').pop()!;
      expect({ href, status: (await list(county, resource, query ?? '')).status }).toEqual({ href, status: 200 });
    }
  });

  it('the hash itself never appears in an answer', async () => {
    const { body } = await admin.get(api.list('SupervisorUser'));
    const hashes = (await SupervisorUser.findAll()).map((u) => u.passwordHash);
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(JSON.stringify(body)).not.toContain(hash);
  });
});

describe('who acted is filtered by office, among the offices the viewer may see', () => {
  const offices = async (client: Client, resource = 'VirtualBudget'): Promise<Map<string, string>> => {
    const { status, body } = await client.get(api.resourceAction(resource, 'officeOptions'));
    expect(status).toBe(200);
    return new Map(body.options.map((o: { value: string; label: string }) => [o.label, o.value]));
  };

  it('the 操作人 filter offers offices (their logins as values), only those of the viewer’s jurisdiction and above', async () => {
    const seenByCounty = await offices(county);
    expect([...seenByCounty.keys()]).toEqual(expect.arrayContaining(['南昌县采购办', '南昌市采购办', '省采购监管处', '系统']));
    expect(seenByCounty.get('南昌市采购办')).toBe('nanchang');
    expect(seenByCounty.has('赣州市采购办')).toBe(false);
    const seenByCity = await offices(await login(app.url, 'nanchang'));
    expect(seenByCity.has('南昌县采购办')).toBe(true);
    expect(seenByCity.has('赣州市采购办')).toBe(false);
    expect((await offices(admin)).has('赣州市采购办')).toBe(true);
    // The audit administrator reads the whole audit trail, so picks among every office who acted in it.
    const seenByAuditor = await offices(await login(app.url, 'auditor'), 'AuditLog');
    expect(seenByAuditor.has('赣州市采购办')).toBe(true);
    expect(seenByAuditor.get('安全管理员')).toBe('security');
  });

  it('picking an office lists what that office did, and no other whose login begins the same', async () => {
    const entry = { action: 'edit', resourceId: 'VirtualBudget', recordId: '999001', regionCode: '360121' };
    await recordAudits([
      { ...entry, user: { id: null, username: 'nanchang', role: 'city', regionCode: '360121' } },
      { ...entry, user: { id: null, username: 'nanchangxian', role: 'county', regionCode: '360121' } },
    ]);
    const auditor = await login(app.url, 'auditor');
    const value = (await offices(auditor, 'AuditLog')).get('南昌市采购办')!;
    const { body } = await list(auditor, 'AuditLog', `perPage=500&filters.actorUsername=${value}&filters.recordId=999001`);
    expect(body.records.map((r: any) => r.params.actorUsername)).toEqual(['南昌市采购办']);
    const all = await list(auditor, 'AuditLog', `perPage=500&filters.actorUsername=${value}`);
    expect(all.body.meta.total).toBeGreaterThan(0);
    expect(new Set(all.body.records.map((r: any) => r.params.actorUsername))).toEqual(new Set(['南昌市采购办']));
  });
});
