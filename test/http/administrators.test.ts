import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { AnnouncementAttachment, AuditLog, SupervisorUser } from '../../db/models.js';
import { ATTACHMENT_PATH } from '../../http/attachment-download.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { actionNames, loadResourceConfig, type ResourceConfig } from '../../panel/resource-config.js';
import type { ResourceDefinition } from '../../resources/resource-definition.js';
import {
  ADMINISTRATOR_ACCOUNTS_BY_SECURITY,
  ADMINISTRATOR_ROLE_FIXED,
  IDENTITY_KEPT_BY_ADMIN,
  NO_PROMOTION,
  OFFICE_ACCOUNTS_BY_ADMIN,
  ROLE_GRANTED_BY_SECURITY,
} from '../../domain/separation-of-duties.js';
import { api, clientWithCookie, drainJobs, login, loginChoosingPassword, startTestApp, type Client } from '../support/test-app.js';

const CHOSEN = 'Shenji#2026-chosen';

/**
 * Issue #29 item 1, 三员分立, tried as each administrator would try to overstep: the system administrator (admin), the
 * security administrator (security) and the audit administrator (auditor) reach only their own duty, grant themselves
 * nothing, and everything they do lands in the audit trail, which only the audit administrator reads.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
let config: Map<string, ResourceConfig>;
const OFFICES = ['province', 'nanchang', 'nanchangxian', 'gongguanban'];
const ADMINISTRATOR_RESOURCES = ['SupervisorUser', 'RoleGrant', 'AuditLog', 'LoginAttempt', 'IntegrationInbox'];
const PASSWORD = 'Qz8#vLm2pT';

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['admin', 'security', 'auditor', ...OFFICES]) clients[name] = await login(app.url, name);
  config = loadResourceConfig(RESOURCE_DEFINITIONS);
});
afterAll(async () => {
  await app.stop();
});

const userNamed = async (username: string) => (await SupervisorUser.findOne({ where: { username } }))!;
const snapshot = async (username: string) => {
  const user = await userNamed(username);
  return { role: user.role, regionCode: user.regionCode, active: user.active, passwordHash: user.passwordHash, name: user.displayName };
};
const form = (overrides: Record<string, unknown> = {}) => ({
  username: 'lianxi',
  displayName: '东乡区采购办',
  role: 'county',
  regionCode: '361003',
  active: true,
  password: PASSWORD,
  ...overrides,
});
const errorsOf = (body: any): Record<string, string> =>
  Object.fromEntries(Object.entries<any>(body.record?.errors ?? {}).map(([field, error]) => [field, error.message]));

/** What AdminJS answers when the role check (or the jurisdiction's not-found) turns a request away. */
function expectRefused(label: string, { status, body }: { status: number; body: any }): void {
  const refusal =
    status === 403 ||
    ['ForbiddenError', 'NotFoundError'].includes(body?.record?.baseError?.type) ||
    (body?.notice?.type === 'error' && !body?.record?.params?.id) ||
    (status === 404 && typeof body === 'object');
  expect({ label, status, refused: refusal }).toEqual({ label, status, refused: true });
  // Nothing of any record comes back with a refusal.
  expect({ label, records: body?.records ?? [], params: body?.record?.params ?? {} }).toEqual({ label, records: [], params: {} });
}

type Attempt = { label: string; send: () => Promise<{ status: number; body: any }> };

/** How AdminJS is asked for `action` of `definition`, on a record that exists (so a refusal is not just a missing id). */
async function attemptsOn(client: Client, definition: ResourceDefinition, action: string): Promise<Attempt> {
  const label = `${client.username} ${definition.id}.${action}`;
  const row = await definition.model.findOne({ where: definition.viewWhere ?? {}, order: [[definition.model.primaryKeyAttribute, 'ASC']] });
  const id = String(row?.get(definition.model.primaryKeyAttribute) ?? 1);
  const custom = (definition.options?.actions as Record<string, { actionType?: string }> | undefined)?.[action];
  const type =
    custom?.actionType ??
    (
      {
        list: 'resource',
        search: 'resource',
        new: 'resource',
        exportXlsx: 'resource',
        show: 'record',
        edit: 'record',
        delete: 'record',
        bulkDelete: 'bulk',
      } as Record<string, string>
    )[action];
  if (action === 'list') return { label, send: () => client.get(api.list(definition.id)) };
  if (action === 'search') return { label, send: () => client.get(`${api.resourceAction(definition.id, 'search')}?perPage=5`) };
  if (action === 'show') return { label, send: () => client.get(api.show(definition.id, id)) };
  if (type === 'record')
    return { label, send: () => client.post(api.record(definition.id, id, action), { reason: '越权尝试', name: '越权' }) };
  if (type === 'bulk') return { label, send: () => client.post(api.bulk(definition.id, [id], action), { reason: '越权尝试' }) };
  return { label, send: () => client.post(api.resourceAction(definition.id, action), { query: '', ...form({ username: 'intruder' }) }) };
}

/** Rows of every table: an attempt that was refused left each count as it was. */
async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Object.values(SupervisorUser.sequelize!.models)) counts[model.name] = await model.count();
  return counts;
}

describe('each administrator reaches their own duty only', () => {
  it('the security and the audit administrator are refused every action the config does not give them, on every resource', async () => {
    const before = { counts: await tableCounts(), audits: await AuditLog.max('id') };
    let tried = 0;
    for (const username of ['security', 'auditor']) {
      for (const definition of RESOURCE_DEFINITIONS) {
        const allowed = config.get(definition.id)!.actions;
        for (const action of actionNames(definition)) {
          // An export not named in the config goes with the list (panel/admin.ts).
          const roles = allowed[action] ?? (action === 'exportXlsx' ? allowed.list : undefined);
          if (roles?.includes(username as never)) continue;
          const attempt = await attemptsOn(clients[username]!, definition, action);
          expectRefused(attempt.label, await attempt.send());
          tried++;
        }
      }
    }
    // Every business resource's list, record page, search and actions, twice over.
    expect(tried).toBeGreaterThan(2 * 40 * 3);
    expect({ counts: await tableCounts(), audits: await AuditLog.max('id') }).toEqual(before);
  });

  it('the system administrator is refused the security and the audit administrators’ resources, and grants nothing', async () => {
    const before = { counts: await tableCounts(), audits: await AuditLog.max('id') };
    const definitions = RESOURCE_DEFINITIONS.filter((d) => ['RoleGrant', 'AuditLog', 'LoginAttempt'].includes(d.id));
    expect(definitions).toHaveLength(3);
    for (const definition of definitions)
      for (const action of actionNames(definition)) {
        const attempt = await attemptsOn(clients.admin!, definition, action);
        expectRefused(attempt.label, await attempt.send());
      }
    expect({ counts: await tableCounts(), audits: await AuditLog.max('id') }).toEqual(before);
  });

  it('no office reaches any administrator’s resource, by any action', async () => {
    const definitions = RESOURCE_DEFINITIONS.filter((d) => ADMINISTRATOR_RESOURCES.includes(d.id));
    expect(definitions).toHaveLength(ADMINISTRATOR_RESOURCES.length);
    const before = await tableCounts();
    for (const office of OFFICES)
      for (const definition of definitions)
        for (const action of actionNames(definition)) {
          const attempt = await attemptsOn(clients[office]!, definition, action);
          expectRefused(attempt.label, await attempt.send());
        }
    expect(await tableCounts()).toEqual(before);
  });

  it('the queue board and the metrics are the system administrator’s alone', async () => {
    for (const username of ['security', 'auditor', ...OFFICES]) {
      const headers = { cookie: clients[username]!.cookie };
      expect({ username, board: (await fetch(`${app.url}/admin/queues`, { headers, redirect: 'manual' })).status }).toEqual({
        username,
        board: 403,
      });
      expect({ username, metrics: (await fetch(`${app.url}/metrics`, { headers })).status }).toEqual({ username, metrics: 403 });
    }
    expect((await fetch(`${app.url}/admin/queues`, { headers: { cookie: clients.admin!.cookie } })).status).toBe(200);
    expect((await fetch(`${app.url}/metrics`, { headers: { cookie: clients.admin!.cookie } })).status).toBe(200);
  });

  it('an announcement’s file is a business record’s: not for the security or the audit administrator', async () => {
    const file = (await AnnouncementAttachment.findOne())!;
    const download = (username: string) =>
      fetch(`${app.url}${ATTACHMENT_PATH}/${file.announcementId}`, { headers: { cookie: clients[username]!.cookie } });
    for (const username of ['security', 'auditor'])
      expect({ username, status: (await download(username)).status }).toEqual({ username, status: 404 });
    expect((await download('province')).status).toBe(200);
  });

  it('the security and the audit administrator have no business figures on their workbench', async () => {
    for (const [username, role] of [
      ['security', 'security'],
      ['auditor', 'auditor'],
    ]) {
      const { body } = await clients[username]!.get('/admin/api/dashboard');
      expect(body).toMatchObject({ user: { role, regionName: '江西省' }, pending: [], charts: null });
    }
  });
});

describe('the system administrator keeps the offices’ accounts', () => {
  it('creates an office account, audited as theirs', async () => {
    const { body } = await clients.admin!.post(api.resourceAction('SupervisorUser', 'new'), form());
    expect(body.notice.type).toBe('success');
    const user = await userNamed('lianxi');
    expect(user).toMatchObject({ role: 'county', regionCode: '361003', active: true });
    const audit = await AuditLog.findOne({ where: { resourceId: 'SupervisorUser', recordId: String(user.id), action: 'new' } });
    expect(audit).toMatchObject({ actorUsername: 'admin', actorRole: 'admin' });
  });

  it('cannot create an administrator’s account: nothing is created', async () => {
    const before = await SupervisorUser.count();
    for (const role of ['admin', 'security', 'auditor']) {
      const { body } = await clients.admin!.post(
        api.resourceAction('SupervisorUser', 'new'),
        form({ username: `fake${role}`, displayName: '冒充的管理员', role, regionCode: '360000' }),
      );
      expect(errorsOf(body).role).toBe(ADMINISTRATOR_ACCOUNTS_BY_SECURITY);
    }
    expect(await SupervisorUser.count()).toBe(before);
  });

  it('changes an office account’s name, region and active flag, but never its role', async () => {
    const user = await userNamed('lianxi');
    const refused = await clients.admin!.post(api.record('SupervisorUser', user.id, 'edit'), { role: 'city', regionCode: '361000' });
    expect(errorsOf(refused.body)).toEqual({ role: ROLE_GRANTED_BY_SECURITY });
    expect(await snapshot('lianxi')).toMatchObject({ role: 'county', regionCode: '361003' });

    const renamed = await clients.admin!.post(api.record('SupervisorUser', user.id, 'edit'), {
      displayName: '临川区采购办',
      regionCode: '361002',
    });
    expect(renamed.body.notice.type).toBe('success');
    expect(await snapshot('lianxi')).toMatchObject({ role: 'county', regionCode: '361002', name: '临川区采购办' });
  });

  it('does not even see the administrators’ accounts, so cannot reset their passwords or lock them out', async () => {
    const listed = await clients.admin!.get(api.list('SupervisorUser'));
    const usernames = listed.body.records.map((r: any) => r.params.username);
    expect(usernames).toEqual(expect.arrayContaining(['province', 'nanchang', 'lianxi']));
    expect(usernames.filter((u: string) => ['admin', 'security', 'auditor'].includes(u))).toEqual([]);
    for (const username of ['security', 'auditor', 'admin']) {
      const before = await snapshot(username);
      const target = await userNamed(username);
      expectRefused(`show ${username}`, await clients.admin!.get(api.show('SupervisorUser', target.id)));
      expectRefused(
        `reset ${username}`,
        await clients.admin!.post(api.record('SupervisorUser', target.id, 'edit'), { password: PASSWORD, active: false }),
      );
      expect(await snapshot(username)).toEqual(before);
    }
  });
});

describe('the security administrator grants roles', () => {
  it('sees every account, the administrators’ too, without a password hash', async () => {
    const { body } = await clients.security!.get(api.list('RoleGrant'));
    expect(body.records.map((r: any) => r.params.username)).toEqual(
      expect.arrayContaining(['admin', 'security', 'auditor', 'province', 'lianxi']),
    );
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
  });

  it('grants an office account another office role with its region: audited, and the user’s sessions end', async () => {
    const user = await userNamed('lianxi');
    const signedIn = await login(app.url, 'lianxi', PASSWORD);
    const { body } = await clients.security!.post(api.record('RoleGrant', user.id, 'edit'), { role: 'city', regionCode: '361000' });
    expect(body.notice.type).toBe('success');
    expect(await snapshot('lianxi')).toMatchObject({ role: 'city', regionCode: '361000' });
    const audit = await AuditLog.findOne({ where: { resourceId: 'RoleGrant', recordId: String(user.id), action: 'userRoleChanged' } });
    expect(audit).toMatchObject({ actorUsername: 'security', actorRole: 'security' });
    expect(JSON.parse(audit!.changes!)).toMatchObject({ role: { before: 'county', after: 'city' } });
    expect((await clientWithCookie(app.url, 'lianxi', signedIn.cookie).get(api.list('ProcurementUnit'))).status).toBe(302);
  });

  it('never makes an office account an administrator’s, nor changes an administrator account’s duty', async () => {
    const lianxi = await userNamed('lianxi');
    for (const role of ['admin', 'security', 'auditor']) {
      const { body } = await clients.security!.post(api.record('RoleGrant', lianxi.id, 'edit'), { role, regionCode: '360000' });
      expect(errorsOf(body).role).toBe(NO_PROMOTION);
    }
    const admin = await userNamed('admin');
    const { body } = await clients.security!.post(api.record('RoleGrant', admin.id, 'edit'), { role: 'auditor' });
    expect(errorsOf(body)).toEqual({ role: ADMINISTRATOR_ROLE_FIXED });
    expect((await snapshot('lianxi')).role).toBe('city');
    expect((await snapshot('admin')).role).toBe('admin');
  });

  it('leaves names to the system administrator and office accounts to be created by them', async () => {
    const lianxi = await userNamed('lianxi');
    const renamed = await clients.security!.post(api.record('RoleGrant', lianxi.id, 'edit'), { username: 'linchuan', displayName: '改名' });
    expect(errorsOf(renamed.body)).toEqual({ username: IDENTITY_KEPT_BY_ADMIN, displayName: IDENTITY_KEPT_BY_ADMIN });
    const created = await clients.security!.post(api.resourceAction('RoleGrant', 'new'), form({ username: 'xinjian' }));
    expect(errorsOf(created.body)).toEqual({ role: OFFICE_ACCOUNTS_BY_ADMIN });
    expect(await SupervisorUser.count({ where: { username: { [Op.in]: ['linchuan', 'xinjian'] } } })).toBe(0);
  });

  it('creates an audit administrator’s account, locks and unlocks it; the new one reads the audit trail', async () => {
    const { body } = await clients.security!.post(
      api.resourceAction('RoleGrant', 'new'),
      form({ username: 'auditor2', displayName: '审计管理员（二）', role: 'auditor', regionCode: '360000' }),
    );
    expect(body.notice.type).toBe('success');
    // An account someone else made chooses its own password first.
    const auditor2 = await loginChoosingPassword(app.url, 'auditor2', PASSWORD, CHOSEN);
    expect((await auditor2.get(api.list('AuditLog'))).status).toBe(200);
    expectRefused('auditor2 users', await auditor2.get(api.list('RoleGrant')));

    const user = await userNamed('auditor2');
    expect((await clients.security!.post(api.record('RoleGrant', user.id, 'edit'), { active: false })).body.notice.type).toBe('success');
    expect((await auditor2.get(api.list('AuditLog'))).status).toBe(302);
    expect((await clients.security!.post(api.record('RoleGrant', user.id, 'edit'), { active: true })).body.notice.type).toBe('success');
    await expect(login(app.url, 'auditor2', CHOSEN)).resolves.toBeTruthy();
    const actions = await AuditLog.findAll({ where: { resourceId: 'RoleGrant', recordId: String(user.id) }, order: [['id', 'ASC']] });
    expect(actions.map((a) => [a.action, a.actorUsername])).toEqual([
      ['new', 'security'],
      ['edit', 'security'],
      ['edit', 'security'],
    ]);
  });
});

describe('nobody grants themselves anything', () => {
  it('the security administrator cannot change their own role, region or active flag', async () => {
    const me = await userNamed('security');
    const before = await snapshot('security');
    for (const change of [{ role: 'admin' }, { role: 'auditor' }, { active: false }, { role: 'province', regionCode: '360000' }]) {
      const { body } = await clients.security!.post(api.record('RoleGrant', me.id, 'edit'), change);
      expect(body.notice.type).toBe('error');
      expect(Object.values(errorsOf(body)).join()).toMatch(/不能修改自己的角色|不能停用或启用自己的账号/);
    }
    expect(await snapshot('security')).toEqual(before);
  });

  it('the system and the audit administrator reach no view that holds their own account’s role', async () => {
    for (const username of ['admin', 'auditor']) {
      const me = await userNamed(username);
      const before = await snapshot(username);
      for (const resource of ['SupervisorUser', 'RoleGrant'])
        expectRefused(
          `${username} ${resource}`,
          await clients[username]!.post(api.record(resource, me.id, 'edit'), { role: 'security', active: true }),
        );
      expect(await snapshot(username)).toEqual(before);
    }
  });

  it('a security administrator cannot make another account an administrator for themselves either', async () => {
    const province = await userNamed('province');
    const { body } = await clients.security!.post(api.record('RoleGrant', province.id, 'edit'), { role: 'security', regionCode: '360000' });
    expect(errorsOf(body).role).toBe(NO_PROMOTION);
    expect((await snapshot('province')).role).toBe('province');
  });
});

describe('the audit administrator reads and exports the audit trail and the security events', () => {
  it('sees what the other two administrators did, and the security events', async () => {
    // Who acted is shown by name, as every list shows a person.
    for (const [actor, name, resource] of [
      ['admin', '系统管理员', 'SupervisorUser'],
      ['security', '安全管理员', 'RoleGrant'],
    ]) {
      const { body } = await clients.auditor!.get(api.list('AuditLog', `&filters.actorUsername=${actor}&filters.resourceId=${resource}`));
      expect(body.records.length).toBeGreaterThan(0);
      for (const record of body.records) expect(record.params).toMatchObject({ actorUsername: name, resourceId: resource });
    }
    for (const username of ['auditor', 'security']) {
      const { body } = await clients[username]!.get(api.list('LoginAttempt', '&filters.username=lianxi'));
      expect(body.records.length).toBeGreaterThan(0);
      for (const record of body.records) expect(record.params.username).toBe('lianxi');
    }
  });

  it('exports the audit trail, audited; the file is theirs alone, not the system administrator’s', async () => {
    const started = await clients.auditor!.post(api.resourceAction('AuditLog', 'exportXlsx'), { query: '?filters.actorUsername=security' });
    expect(started.status).toBe(200);
    const { exportId, statusUrl } = started.body;
    await drainJobs(app);
    expect((await clients.auditor!.get(statusUrl)).body.state).toBe('done');
    for (const other of ['admin', 'security']) {
      expect((await clients[other]!.get(statusUrl)).status).toBe(404);
      expect((await clients[other]!.get(`${statusUrl}/download`)).status).toBe(404);
    }
    const audit = await AuditLog.findOne({ where: { action: 'exportXlsx', recordId: exportId } });
    expect(audit).toMatchObject({ actorUsername: 'auditor', actorRole: 'auditor', resourceId: 'AuditLog' });
    // The security events go with the audit administrator, not with whoever watches them.
    expect((await clients.auditor!.post(api.resourceAction('LoginAttempt', 'exportXlsx'), { query: '' })).status).toBe(200);
    expectRefused('security exports events', await clients.security!.post(api.resourceAction('LoginAttempt', 'exportXlsx'), { query: '' }));
  });

  it('of everything they did, only their sign-ins and exports are in the audit trail: they changed nothing', async () => {
    const theirs = await AuditLog.findAll({ where: { actorUsername: 'auditor' }, attributes: ['action'], raw: true });
    expect(theirs.length).toBeGreaterThan(0);
    expect(new Set(theirs.map((a) => a.action))).toEqual(new Set(['loginSucceeded', 'exportXlsx', 'exportCompleted']));
  });
});
