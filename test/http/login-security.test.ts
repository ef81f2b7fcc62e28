import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startWeb, type Running } from '../../main/bootstrap.js';
import { hashPassword, verifyPassword } from '../../services/password-hash.js';
import { LoginAttempt, SupervisorUser } from '../../db/models.js';
import { api, clientWithCookie, DEMO_PASSWORD, login, loginResponse, sessionCookieOf, startTestApp, testEnv } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
/** A second instance on the same database that believes X-Forwarded-* from loopback, as behind a local balancer. */
let proxied: Running;
beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
  proxied = await startWeb(
    await testEnv({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      LOGIN_MAX_FAILURES: '3',
      TRUST_PROXY: 'loopback',
      COOKIE_SECURE: 'true',
    }),
    { seedDemo: false },
  );
});
afterAll(async () => {
  await proxied?.stop();
  await app.stop();
});

const sessionCount = async (userId: number) => {
  const [rows] = await SupervisorUser.sequelize!.query('SELECT COUNT(*) AS n FROM "Sessions" WHERE user_id = $1', { bind: [userId] });
  return Number((rows as Array<{ n: number | string }>)[0]!.n);
};
const user = (username: string) => SupervisorUser.findOne({ where: { username } }).then((u) => u!);
const stillSignedIn = async (cookie: string) =>
  (await clientWithCookie(app.url, '', cookie).get(api.list('ProcurementUnit'))).status === 200;

describe('session fixation', () => {
  it('login gives a new session id: a cookie planted before login never becomes the signed-in session', async () => {
    const planted = await login(app.url, 'nanchangxian');
    const response = await loginResponse(app.url, 'nanchang', DEMO_PASSWORD, { cookie: planted.cookie });
    expect(response.status).toBe(302);
    const renewed = sessionCookieOf(response);
    expect(renewed).toMatch(/^jxcg\.sid=/);
    expect(renewed).not.toBe(planted.cookie);
    expect(await stillSignedIn(planted.cookie)).toBe(false);
    const { body } = await clientWithCookie(app.url, 'nanchang', renewed).get('/admin/api/dashboard');
    expect(body.user.displayName).toBe('南昌市采购办');
  });
});

describe('a user keeps no power they lost', () => {
  it('deactivating a user (in the panel) ends their open sessions at once', async () => {
    const county = await login(app.url, 'nanchangxian');
    const other = await login(app.url, 'nanchangxian');
    const target = await user('nanchangxian');
    expect(await sessionCount(target.id)).toBeGreaterThanOrEqual(2);
    const admin = await login(app.url, 'admin');
    const { body } = await admin.post(api.record('SupervisorUser', target.id, 'edit'), { active: false });
    expect(body.notice.type).toBe('success');
    expect(await sessionCount(target.id)).toBe(0);
    expect(await stillSignedIn(county.cookie)).toBe(false);
    expect(await stillSignedIn(other.cookie)).toBe(false);
    await expect(login(app.url, 'nanchangxian')).rejects.toThrow(/failed/);
    await SupervisorUser.update({ active: true }, { where: { id: target.id } });
  });

  it('a role or region changed by a script, or a password reset, ends the sessions too', async () => {
    const target = await user('ganzhou');
    const changes: Array<() => Promise<unknown>> = [
      () => SupervisorUser.update({ regionCode: '360100' }, { where: { id: target.id } }),
      () => SupervisorUser.update({ regionCode: '360700' }, { where: { id: target.id } }),
      async () => (await user('ganzhou')).update({ passwordHash: await hashPassword(DEMO_PASSWORD) }),
    ];
    expect(changes.length).toBe(3);
    for (const change of changes) {
      const session = await login(app.url, 'ganzhou');
      expect(await stillSignedIn(session.cookie)).toBe(true);
      await change();
      expect(await stillSignedIn(session.cookie)).toBe(false);
    }
  });

  it("a session whose user is deactivated behind the product's back (a row changed in SQL) is refused at its next request", async () => {
    const session = await login(app.url, 'gongguanban');
    await SupervisorUser.sequelize!.query("UPDATE supervisor_users SET active = false WHERE username = 'gongguanban'");
    expect(await stillSignedIn(session.cookie)).toBe(false);
    await SupervisorUser.sequelize!.query("UPDATE supervisor_users SET active = true WHERE username = 'gongguanban'");
  });

  it('what keeps the rights (the last login time written at login) leaves the other sessions alone', async () => {
    const first = await login(app.url, 'province');
    await login(app.url, 'province');
    expect(await stillSignedIn(first.cookie)).toBe(true);
  });
});

describe('failed logins slow the guesser, not the owner', () => {
  const deviceCookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('jxcg.device='))!;

  it("after the limit an untrusted client waits, growing with each failure, while the owner's own browser signs in", async () => {
    const owner = await loginResponse(app.url, 'nanchang');
    const device = deviceCookieOf(owner);
    expect(device).toBeTruthy();
    for (let i = 0; i < 3; i++)
      expect(await (await loginResponse(app.url, 'nanchang', `Wrong#${i}x`)).text()).toContain('invalidCredentials');
    const waiting = await loginResponse(app.url, 'nanchang');
    expect(waiting.status).toBe(400);
    expect(await waiting.text()).toContain('loginThrottled');
    const ownBrowser = await loginResponse(app.url, 'nanchang', DEMO_PASSWORD, { cookie: device });
    expect(ownBrowser.status).toBe(302);
    // The first wait is a second: then the right password signs in from anywhere again.
    await sleep(1100);
    expect((await loginResponse(app.url, 'nanchang')).status).toBe(302);
  });

  it('a trusted browser cookie made for another account, or forged, counts as untrusted', async () => {
    const owner = await loginResponse(app.url, 'ganzhou');
    const device = deviceCookieOf(owner);
    for (let i = 0; i < 3; i++) await loginResponse(app.url, 'province', `Wrong#${i}y`);
    expect((await loginResponse(app.url, 'province', DEMO_PASSWORD, { cookie: device })).status).toBe(400);
    const [name, value] = device.split('=');
    const forged = `${name}=${Buffer.from('province').toString('base64url')}.${value!.split('.')[1]}.${value!.split('.')[2]}`;
    expect((await loginResponse(app.url, 'province', DEMO_PASSWORD, { cookie: forged })).status).toBe(400);
  });

  it('the security and the audit administrator see the security events; the system administrator and offices do not', async () => {
    for (const username of ['security', 'auditor']) {
      const { body } = await (await login(app.url, username)).get(api.list('LoginAttempt', '&filters.outcome=throttled'));
      expect(body.records.length).toBeGreaterThan(0);
      for (const record of body.records) expect(record.params.outcome).toBe('throttled');
    }
    for (const username of ['admin', 'nanchangxian']) {
      const refused = await (await login(app.url, username)).get(api.list('LoginAttempt'));
      expect(refused.body.record.baseError.type).toBe('ForbiddenError');
      expect(refused.body.records ?? []).toEqual([]);
    }
  });
});

describe('the address the login limit counts', () => {
  it("X-Forwarded-For is nobody's to choose by default: rotating it changes nothing", async () => {
    for (let i = 0; i < 3; i++) await loginResponse(app.url, `rotating-${i}`, 'wrong', { 'x-forwarded-for': `203.0.113.${i}` });
    const rows = await LoginAttempt.findAll({ where: { username: ['rotating-0', 'rotating-1', 'rotating-2'] } });
    expect(rows.length).toBe(3);
    for (const row of rows) expect(row.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });

  it("behind a trusted balancer (TRUST_PROXY) the client's own address is counted, and the cookie is Secure over its HTTPS", async () => {
    const headers = { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' };
    // The page was served over the balancer's HTTPS, so that is the origin the browser names.
    expect((await loginResponse(proxied.url, 'nanchangxian', DEMO_PASSWORD, headers)).status).toBe(403);
    const response = await loginResponse(proxied.url, 'nanchangxian', DEMO_PASSWORD, {
      ...headers,
      origin: proxied.url.replace(/^http:/, 'https:'),
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('jxcg.sid='))!;
    expect(cookie).toMatch(/;\s*Secure/i);
    const row = await LoginAttempt.findOne({ where: { username: 'nanchangxian' }, order: [['id', 'DESC']] });
    expect(row!.ip).toBe('198.51.100.7');
  });

  it("an inactive account costs the same work as an unknown one (both verify a hash), so its answer's time tells nothing", async () => {
    // Enough samples that the least of each is that path's own cost even on a busy CI machine (seven were not).
    const samples = 15;
    const dormantHash = await hashPassword(DEMO_PASSWORD);
    for (let i = 0; i < samples; i++) {
      await SupervisorUser.create({
        username: `dormant${i}`,
        displayName: `停用用户${i}`,
        role: 'county',
        regionCode: '360121',
        active: false,
        passwordHash: dormantHash,
      });
    }
    // CPU time of this process (the app serves in it; Argon2 runs on its thread pool), which other processes on the
    // machine do not blur as they blur wall time.
    const cpuMs = async (work: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      await work();
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    };
    const timed = (username: string, i: number) =>
      cpuMs(async () => {
        const response = await loginResponse(proxied.url, username, DEMO_PASSWORD, { 'x-forwarded-for': `192.0.2.${10 + i}` });
        expect(await response.text()).toContain('invalidCredentials');
      });
    // Other work on the machine and the collector only ever add time: the least of the samples is each path's own cost.
    const least = (values: number[]) => Math.min(...values);
    const hash = await hashPassword(DEMO_PASSWORD);
    const hashing: number[] = [];
    for (let i = 0; i < samples; i++) hashing.push(await cpuMs(() => verifyPassword(hash, 'Wrong#2026x')));
    const inactive: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < samples; i++) {
      inactive.push(await timed(`dormant${i}`, i));
      unknown.push(await timed(`nobody${i}`, i + samples));
    }
    // Skipping the hash for an inactive account saves one verification: the gap must be well under that.
    expect(inactive).toHaveLength(samples);
    expect(Math.abs(least(inactive) - least(unknown))).toBeLessThan(least(hashing) / 2);
  });
});
