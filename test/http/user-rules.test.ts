import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isAdministratorRole, tryRegionLevel } from '../../domain/jurisdiction.js';
import { normaliseUsername, passwordWeakness, roleRegionMismatch } from '../../domain/user-rules.js';
import { SupervisorUser } from '../../db/models.js';
import { DEMO_USERS } from '../../seeds/demo.js';
import { api, DEMO_PASSWORD, login, loginChoosingPassword, loginResponse, startTestApp, type Client } from '../support/test-app.js';

/** Point 8: an administrator cannot create or edit a user who could never log in or whose role and region disagree. */
let app: Awaited<ReturnType<typeof startTestApp>>;
let admin: Client;
let security: Client;

const form = (overrides: Record<string, unknown> = {}) => ({
  username: 'zhangsan',
  displayName: '测试用户',
  role: 'county',
  regionCode: '360702',
  active: true,
  password: 'Xy7!kLm2q',
  ...overrides,
});
// 三员分立: the system administrator makes office accounts, the security administrator administrators' and grants roles.
const create = (data: Record<string, unknown>) =>
  isAdministratorRole(data.role)
    ? security.post(api.resourceAction('RoleGrant', 'new'), data)
    : admin.post(api.resourceAction('SupervisorUser', 'new'), data);
const edit = (id: number, data: Record<string, unknown>) =>
  'role' in data ? security.post(api.record('RoleGrant', id, 'edit'), data) : admin.post(api.record('SupervisorUser', id, 'edit'), data);
const userCount = () => SupervisorUser.count();
const snapshot = async (id: number) => {
  const user = (await SupervisorUser.findByPk(id))!;
  return { username: user.username, role: user.role, regionCode: user.regionCode, passwordHash: user.passwordHash };
};

beforeAll(async () => {
  app = await startTestApp();
  admin = await login(app.url, 'admin');
  security = await login(app.url, 'security');
});
afterAll(async () => {
  await app.stop();
});

describe('new user: role and region must agree', () => {
  it.each([
    ['county', '360000', '县（市、区）'],
    ['county', '360100', '县（市、区）'],
    ['city', '360121', '设区市'],
    ['city', '360000', '设区市'],
    ['gongguanban', '360100', '江西省（360000）'],
    ['admin', '360121', '江西省（360000）'],
    ['province', '360102', '江西省（360000）'],
    ['admin', '360700', '江西省（360000）'],
    ['security', '360100', '江西省（360000）'],
    ['auditor', '360121', '江西省（360000）'],
  ])('%s on %s is refused beside both fields, and nothing is created', async (role, regionCode, needs) => {
    const before = await userCount();
    const { body } = await create(form({ username: `bad${role}${regionCode}`, role, regionCode }));
    expect(body.record.errors.regionCode.message).toContain(needs);
    expect(body.record.errors.role.message).toBe(body.record.errors.regionCode.message);
    expect(body.notice?.type).not.toBe('success');
    expect(await userCount()).toBe(before);
  });

  it('a region code that is no region is refused', async () => {
    const before = await userCount();
    for (const regionCode of ['360199', '360010']) {
      const { body } = await create(form({ username: 'nowhere', regionCode }));
      expect(body.record.errors.regionCode.message).toMatch(/不存在|不是有效的江西省行政区划代码/);
    }
    expect(await userCount()).toBe(before);
  });
});

describe('new user: the password is not a guess', () => {
  it.each([
    ['password1', /^密码过于常见/],
    ['Password1', /^密码过于常见/],
    ['12345678a', /^密码过于常见/],
    ['qwerty123', /^密码过于常见/],
    ['P@ssw0rd1', /^密码过于常见/],
    ['Zhangsan#26', /^密码不能包含用户名$/],
    ['abcdefg9', /至少 3 类$/],
    ['Ab1!', /^密码至少 8 位/],
  ])('%s is refused, naming the rule, and nothing is created', async (password, rule) => {
    const before = await userCount();
    const { body } = await create(form({ password }));
    expect(body.record.errors.password.message).toMatch(rule);
    expect(await userCount()).toBe(before);
  });
});

describe('usernames are stored as login looks them up', () => {
  it('"Admin2 " is stored as admin2, and admin2 logs in however it is typed', async () => {
    const { body } = await create(form({ username: 'Admin2 ', role: 'admin', regionCode: '360000', password: 'Kx9$mQ2w' }));
    expect(body.notice.type).toBe('success');
    expect(await SupervisorUser.count({ where: { username: 'Admin2 ' } })).toBe(0);
    const user = (await SupervisorUser.findOne({ where: { username: 'admin2' } }))!;
    expect(user).toMatchObject({ role: 'admin', regionCode: '360000' });
    await expect(login(app.url, 'admin2', 'Kx9$mQ2w')).resolves.toBeTruthy();
    await expect(login(app.url, ' ADMIN2', 'Kx9$mQ2w')).resolves.toBeTruthy();
  });

  it('a name that differs from an existing one only in case is taken', async () => {
    const before = await userCount();
    const { body } = await create(form({ username: 'NanChang' }));
    expect(body.record.errors.username.message).toBe('用户名已被使用');
    expect(await userCount()).toBe(before);
  });
});

describe('edit: checked against what is stored', () => {
  let id: number;
  beforeAll(async () => {
    const { body } = await create(form({ username: 'ZhangSan', password: 'Xy7!kLm2q' }));
    expect(body.notice.type).toBe('success');
    id = (await SupervisorUser.findOne({ where: { username: 'zhangsan' } }))!.id;
  });

  it.each([
    [{ role: 'city' }, 'role', '设区市'],
    [{ role: 'gongguanban' }, 'role', '江西省（360000）'],
    [{ regionCode: '360700' }, 'regionCode', '县（市、区）'],
    [{ regionCode: '360000' }, 'regionCode', '县（市、区）'],
    [{ role: 'admin', regionCode: '360121' }, 'regionCode', '江西省（360000）'],
  ])('%j alone is refused and changes nothing', async (change, field, needs) => {
    const before = await snapshot(id);
    const { body } = await edit(id, change);
    expect(body.record.errors[field].message).toContain(needs);
    expect(await snapshot(id)).toEqual(before);
  });

  it('a weak new password is refused and the old one still works', async () => {
    const before = await snapshot(id);
    for (const password of ['Password1', 'zhangsan-2026X']) {
      const { body } = await edit(id, { password });
      expect(body.record.errors.password.message).toMatch(/^密码(过于常见|不能包含用户名)/);
    }
    expect(await snapshot(id)).toEqual(before);
    await expect(login(app.url, 'zhangsan', 'Xy7!kLm2q')).resolves.toBeTruthy();
  });

  it("a rename onto another user's name in other case is refused", async () => {
    const before = await snapshot(id);
    const { body } = await edit(id, { username: 'ADMIN' });
    expect(body.record.errors.username.message).toBe('用户名已被使用');
    expect(await snapshot(id)).toEqual(before);
  });

  it('a rename to upper case is stored lower-cased and logs in', async () => {
    const { body } = await edit(id, { username: ' ZhangSan2 ' });
    expect(body.notice.type).toBe('success');
    expect((await snapshot(id)).username).toBe('zhangsan2');
    await expect(login(app.url, 'ZhangSan2', 'Xy7!kLm2q')).resolves.toBeTruthy();
  });

  it('role and region changed together to a pair that fits is accepted', async () => {
    const { body } = await edit(id, { role: 'city', regionCode: '360700' });
    expect(body.notice.type).toBe('success');
    expect(await snapshot(id)).toMatchObject({ role: 'city', regionCode: '360700' });
    // The administrator set this password: the user chooses their own first (password-policy.test.ts).
    const moved = await loginChoosingPassword(app.url, 'zhangsan2', 'Xy7!kLm2q', 'Zs4$vBn8Qw');
    expect((await moved.get(api.list('ProcurementUnit'))).body.records.length).toBeGreaterThan(0);
  });

  it('a strong new password replaces the old one', async () => {
    const { body } = await edit(id, { password: 'Gz#8tRw4v' });
    expect(body.notice.type).toBe('success');
    expect((await loginResponse(app.url, 'zhangsan2', 'Gz#8tRw4v')).status).toBe(302);
  });
});

describe('the demo users pass the same rules', () => {
  it.each(DEMO_USERS.map((user) => ({ name: user.username, user })))('$name', async ({ user }) => {
    expect(normaliseUsername(user.username)).toBe(user.username);
    expect(roleRegionMismatch(user.role, tryRegionLevel(user.regionCode))).toBeNull();
    expect(passwordWeakness(DEMO_PASSWORD, user.username)).toBeNull();
    expect(await SupervisorUser.count({ where: { username: user.username, role: user.role, regionCode: user.regionCode } })).toBe(1);
  });
});
