import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import argon2 from 'argon2';
import { SupervisorUser } from '../../db/models.js';
import { SessionStore } from '../../http/session-store.js';
import { sessionLimits } from '../../domain/session-limits.js';
import { api, clientWithCookie, DEMO_PASSWORD, login, loginResponse, startTestApp } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(async () => {
  await app.stop();
});

describe('login page', () => {
  it("is the product's own, in Chinese, with nothing loaded from outside", async () => {
    const html = await (await fetch(`${app.url}/admin/login`)).text();
    expect(html).not.toContain('fonts.googleapis.com');
    expect(html).toContain('/static/logo.svg');
    expect(html).toContain('江西省政府采购监管平台');
    const external = [...html.matchAll(/(?:src|href)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual([]);
  });

  it("the panel's own components are served from the bundle built at start (AdminJS's production route answered 404)", async () => {
    const response = await fetch(`${app.url}/admin/frontend/assets/components.bundle.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    const bundle = await response.text();
    for (const component of ['Dashboard', 'SupervisoryActionForm', 'RecordHistory', 'RelatedRecords']) expect(bundle).toContain(component);
  });
});

describe('sessions', () => {
  it('the cookie is httpOnly and SameSite, and the session lives in the database', async () => {
    const response = await loginResponse(app.url, 'nanchang');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('jxcg.sid='))!;
    expect(cookie).toMatch(/^jxcg\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const [rows] = await SupervisorUser.sequelize!.query('SELECT COUNT(*) AS n FROM "Sessions"');
    expect(Number((rows as Array<{ n: number }>)[0]!.n)).toBeGreaterThan(0);
  });

  it('logout ends the session', async () => {
    const client = await login(app.url, 'nanchang');
    expect((await client.get(api.list('ProcurementUnit'))).status).toBe(200);
    await fetch(`${app.url}/admin/logout`, { headers: { cookie: client.cookie }, redirect: 'manual' });
    expect((await client.get(api.list('ProcurementUnit'))).status).toBe(302);
  });
});

describe('the session store', () => {
  const store = () => new SessionStore(SupervisorUser.sequelize!, sessionLimits(30, 12));
  const get = (s: SessionStore, sid: string) =>
    new Promise<unknown>((resolve, reject) => s.get(sid, (err, data) => (err ? reject(err) : resolve(data))));
  const set = (s: SessionStore, sid: string, data: object) =>
    new Promise<void>((resolve, reject) => s.set(sid, data as never, (err) => (err ? reject(err) : resolve())));

  it('reads back what it stored, with the rights its user has now, and nothing for an unknown or hostile id', async () => {
    const sessions = store();
    try {
      const user = (await SupervisorUser.findOne({ where: { username: 'nanchang' } }))!;
      const data = {
        cookie: { originalMaxAge: 1000, expires: '2026-12-02T00:00:00.000Z' },
        adminUser: { id: user.id, email: 'nanchang', title: '南昌市采购办' },
      };
      // A signed-in session's row is inserted by its login only.
      sessions.admitLogin({ session: data }, '127.0.0.1');
      await set(sessions, 'store-test-1', data);
      const read = { ...data, startedAt: expect.any(Number), lastActiveAt: expect.any(Number) };
      expect(await get(sessions, 'store-test-1')).toEqual({ ...read, storedRights: { active: true, rightsVersion: user.rightsVersion } });
      // Written around the model's hooks (which would also delete the session): the row is read as it is now.
      const setActive = (active: boolean) =>
        SupervisorUser.sequelize!.query('UPDATE supervisor_users SET active = :active WHERE id = :id', {
          replacements: { active, id: user.id },
        });
      await setActive(false);
      try {
        expect(await get(sessions, 'store-test-1')).toEqual({
          ...read,
          storedRights: { active: false, rightsVersion: user.rightsVersion },
        });
      } finally {
        await setActive(true);
      }
      expect(await get(sessions, 'no-such-session')).toBeNull();
      expect(await get(sessions, "x' OR '1'='1")).toBeNull();
    } finally {
      sessions.close();
    }
  });

  it('a session whose row is gone no longer signs anyone in', async () => {
    const client = await login(app.url, 'nanchangxian');
    expect((await client.get(api.list('ProcurementUnit'))).status).toBe(200);
    const sid = decodeURIComponent(client.cookie.split('=')[1]!).slice(2).split('.')[0]!;
    await SupervisorUser.sequelize!.query('DELETE FROM "Sessions" WHERE sid = $1', { bind: [sid] });
    expect((await client.get(api.list('ProcurementUnit'))).status).toBe(302);
  });
});

describe('failed logins', () => {
  it('a wrong password is refused in Chinese', async () => {
    const response = await loginResponse(app.url, 'ganzhou', 'wrong-password');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('invalidCredentials');
  });

  it('are limited per username: after the limit even the right password waits, other users do not', async () => {
    for (let i = 0; i < 3; i++) await loginResponse(app.url, 'province', `wrong-${i}`);
    const blocked = await loginResponse(app.url, 'province');
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain('loginThrottled');
    await expect(login(app.url, 'nanchangxian')).resolves.toBeTruthy();
  });

  it('a deactivated user cannot log in', async () => {
    await SupervisorUser.update({ active: false }, { where: { username: 'gongguanban' } });
    await expect(login(app.url, 'gongguanban')).rejects.toThrow(/login gongguanban failed/);
    await SupervisorUser.update({ active: true }, { where: { username: 'gongguanban' } });
  });
});

describe('password hashes', () => {
  it("a hash made with other settings (the library's 64 MiB) still logs in, and is re-hashed at the recommended ones", async () => {
    const old = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    await SupervisorUser.update({ passwordHash: old }, { where: { username: 'ganzhou' } });
    await expect(login(app.url, 'ganzhou')).resolves.toBeTruthy();
    const upgraded = (await SupervisorUser.findOne({ where: { username: 'ganzhou' } }))!.passwordHash;
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(upgraded, DEMO_PASSWORD)).toBe(true);
    await expect(login(app.url, 'ganzhou')).resolves.toBeTruthy();
    expect((await SupervisorUser.findOne({ where: { username: 'ganzhou' } }))!.passwordHash).toBe(upgraded);
  });

  it('a wrong password does not touch a hash that needs upgrading', async () => {
    const old = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    await SupervisorUser.update({ passwordHash: old }, { where: { username: 'nanchang' } });
    expect(await (await loginResponse(app.url, 'nanchang', 'Wrong2026x')).text()).toContain('invalidCredentials');
    expect((await SupervisorUser.findOne({ where: { username: 'nanchang' } }))!.passwordHash).toBe(old);
  });
});

describe('user administration', () => {
  it('an admin creates a user whose password is hashed and who can log in', async () => {
    const admin = await login(app.url, 'admin');
    const { body } = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
      username: 'jiujiang',
      displayName: '九江市采购办',
      role: 'city',
      regionCode: '360400',
      active: true,
      password: 'Lushan#2026',
    });
    expect(body.notice.type).toBe('success');
    const user = (await SupervisorUser.findOne({ where: { username: 'jiujiang' } }))!;
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(login(app.url, 'jiujiang', 'Lushan#2026')).resolves.toBeTruthy();
  });

  it('a weak password is refused with the rule', async () => {
    const admin = await login(app.url, 'admin');
    const { body } = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
      username: 'weak',
      displayName: '弱密码',
      role: 'county',
      regionCode: '360121',
      password: '123',
    });
    expect(body.record.errors.password.message).toBe('密码至少 8 位（现为 3 位）');
    expect(await SupervisorUser.count({ where: { username: 'weak' } })).toBe(0);
  });

  it('nobody raises their own role or moves their own region', async () => {
    // The security administrator grants roles (三员分立), so is the one who could try it on themselves.
    const security = await login(app.url, 'security');
    const me = (await SupervisorUser.findOne({ where: { username: 'security' } }))!;
    const { body } = await security.post(api.record('RoleGrant', me.id, 'edit'), { regionCode: '360100', role: 'city' });
    expect(body.record.errors.regionCode.message).toBe('不能修改自己的所属辖区');
    expect(body.record.errors.role.message).toBe('不能修改自己的角色');
    await me.reload();
    expect(me).toMatchObject({ regionCode: '360000', role: 'security' });
    // The system administrator's own account is not even in the view of the accounts they keep.
    const admin = await login(app.url, 'admin');
    const own = (await SupervisorUser.findOne({ where: { username: 'admin' } }))!;
    const refused = await admin.post(api.record('SupervisorUser', own.id, 'edit'), { regionCode: '360100', role: 'city' });
    expect(refused.body.record.baseError.type).toBe('NotFoundError');
    await own.reload();
    expect(own).toMatchObject({ regionCode: '360000', role: 'admin' });
  });

  it('other roles cannot reach users at all', async () => {
    const city = await login(app.url, 'nanchang');
    const target = (await SupervisorUser.findOne({ where: { username: 'nanchang' } }))!;
    const { body } = await city.post(api.record('SupervisorUser', target.id, 'edit'), { role: 'province', regionCode: '360000' });
    expect(body.record.baseError.type).toMatch(/^(ForbiddenError|NotFoundError)$/);
    await target.reload();
    expect(target.role).toBe('city');
  });
});

describe('health and queues', () => {
  it('/healthz and /readyz answer', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    const body = (await ready.json()) as any;
    expect(ready.status).toBe(200);
    expect(body.checks.database.ok).toBe(true);
    expect(body.warning).toContain('未连接 Redis');
  });

  it('the queue board is for admins only', async () => {
    const city = await login(app.url, 'nanchang');
    expect((await fetch(`${app.url}/admin/queues`, { headers: { cookie: city.cookie }, redirect: 'manual' })).status).toBe(403);
    const admin = await login(app.url, 'admin');
    expect((await fetch(`${app.url}/admin/queues`, { headers: { cookie: admin.cookie } })).status).toBe(200);
    expect((await fetch(`${app.url}/admin/queues`, { redirect: 'manual' })).status).toBe(302);
  });

  it('the dashboard greets the user with name, role and region', async () => {
    const county = await login(app.url, 'nanchangxian');
    const { body } = await clientWithCookie(app.url, 'nanchangxian', county.cookie).get('/admin/api/dashboard');
    expect(body.user).toEqual({
      displayName: '南昌县采购办',
      role: 'county',
      regionName: '南昌县',
      loginNotice: { text: expect.stringMatching(/^(上次登录|这是该账号首次登录)/), warning: expect.any(Boolean) },
    });
  });
});

// Last in the file: it slows the loopback address for every later login.
describe('failed logins per IP', () => {
  it('many usernames guessed from one address slow that address, but a valid user with the right password still signs in', async () => {
    for (let i = 0; i < 12; i++) await loginResponse(app.url, `guess-${i}`, 'wrong');
    const started = Date.now();
    const signedIn = await loginResponse(app.url, 'nanchang');
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get('location')).toMatch(/\/admin$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
