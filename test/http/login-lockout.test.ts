import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, LoginAttempt, SupervisorUser } from '../../db/models.js';
import { hashPassword } from '../../services/password-hash.js';
import {
  api,
  clientWithCookie,
  DEMO_PASSWORD,
  login,
  loginResponse,
  sessionCookieOf,
  startTestApp,
  type Client,
} from '../support/test-app.js';

/**
 * Issue #29 item 4 (等保 8.1.4.1 b, d): failed logins as the security administrator and the user see them. The lanes
 * at the limit are listed with an audited unlock; a wrong username and a wrong password get the same answer in the
 * same time; and a user is told, once signed in, of the account's last login and the failures since.
 *
 * The app believes X-Forwarded-For from loopback, so each test's attempts come from an address of their own and no
 * address's own slowing (four times the limit) mixes into what a test measures.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let security: Client;

beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_FAILURES: '3', TRUST_PROXY: 'loopback' });
  security = await login(app.url, 'security');
});
afterAll(async () => {
  await app.stop();
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const attempt = (username: string, password: string, ip: string) => loginResponse(app.url, username, password, from(ip));
const lockedAccounts = (client: Client) => client.get(api.resourceAction('LoginAttempt', 'lockedAccounts'));
const unlock = (client: Client, username: string) => client.post(api.resourceAction('LoginAttempt', 'lockedAccounts'), { username });
type Lane = {
  username: string;
  displayName: string | null;
  trustedDevice: boolean;
  failures: number;
  lastFailureIp: string;
  waitSeconds: number;
};
const lanesOf = async (username: string): Promise<Lane[]> =>
  ((await lockedAccounts(security)).body.lanes as Lane[]).filter((lane) => lane.username === username);

/** A user of its own for a test, with a password of its own (not set by an administrator: nothing to change first). */
async function ownUser(username: string, password: string): Promise<SupervisorUser> {
  return SupervisorUser.create({
    username,
    displayName: `${username}采购办`,
    role: 'county',
    regionCode: '360121',
    passwordHash: await hashPassword(password),
  });
}

describe('the security administrator sees the lanes at the limit and unlocks an account', () => {
  it('lists an account and a username nobody has once each failed three times, with the last address and the wait', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await (await attempt('nanchangxian', `Wrong#${i}aa`, '198.51.100.10')).text()).toContain('invalidCredentials');
      await attempt('nosuchuser', `Wrong#${i}aa`, '198.51.100.11');
    }
    const [lane] = await lanesOf('nanchangxian');
    expect(lane).toMatchObject({ displayName: '南昌县采购办', trustedDevice: false, failures: 3, lastFailureIp: '198.51.100.10' });
    expect(lane!.waitSeconds).toBeGreaterThanOrEqual(0);
    expect(lane!.waitSeconds).toBeLessThanOrEqual(1);
    expect(await lanesOf('nosuchuser')).toEqual([expect.objectContaining({ displayName: null, failures: 3 })]);
    expect(await lanesOf('nanchang')).toEqual([]);
    // The third failure reached the limit: recorded once, for the account that exists.
    const locked = await AuditLog.findAll({ where: { action: 'accountLocked' } });
    const account = await SupervisorUser.findOne({ where: { username: 'nanchangxian' } });
    expect(locked.map((row) => [row.recordId, row.actorUsername, row.ip])).toEqual([[String(account!.id), 'system', '198.51.100.10']]);
    expect(locked[0]!.reason).toBe('连续登录失败 3 次，该账号来自其他客户端的登录暂缓受理');
  });

  it('no other role sees them or unlocks', async () => {
    const county = await login(app.url, 'ganzhou');
    const seen = await lockedAccounts(county);
    expect(seen.body.lanes).toBeUndefined();
    const tried = await unlock(county, 'nanchangxian');
    expect(tried.body.lanes).toBeUndefined();
    expect(tried.body.notice?.type).not.toBe('success');
    expect(await lanesOf('nanchangxian')).toHaveLength(1);
    expect(await AuditLog.count({ where: { action: 'accountUnlocked' } })).toBe(0);
  });

  it('a locked account waits; unlocked, it signs in at once, and the unlock is audited with who did it', async () => {
    await sleep(1100);
    await attempt('nanchangxian', 'Wrong#3aa', '198.51.100.10');
    // Four failures: two seconds to wait, the right password included.
    const waiting = await attempt('nanchangxian', DEMO_PASSWORD, '198.51.100.10');
    expect([waiting.status, await waiting.text()]).toEqual([400, expect.stringContaining('loginThrottled')]);

    const { body } = await unlock(security, 'NanChangXian ');
    expect(body.notice).toEqual({ type: 'success', message: '已解除 nanchangxian 的登录限制（1 个来源，共 4 次失败）' });
    expect((body.lanes as Lane[]).filter((lane) => lane.username === 'nanchangxian')).toEqual([]);
    expect((await attempt('nanchangxian', DEMO_PASSWORD, '198.51.100.10')).status).toBe(302);

    const audit = await AuditLog.findOne({ where: { action: 'accountUnlocked' } });
    const marker = await LoginAttempt.findOne({ where: { username: 'nanchangxian', outcome: 'unlocked' } });
    expect(marker).toMatchObject({ succeeded: false, ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
    expect(audit).toMatchObject({
      actorUsername: 'security',
      actorRole: 'security',
      resourceId: 'LoginAttempt',
      recordId: String(marker!.id),
      regionCode: '360121',
      reason: '解除 nanchangxian 的登录限制（1 个来源，共 4 次失败）',
    });
    expect(JSON.parse(audit!.changes!)).toEqual({
      username: { before: 'nanchangxian', after: 'nanchangxian' },
      failures: { before: 4, after: 0 },
    });
  });

  it('after an unlock only new failures count: the limit is three again', async () => {
    for (let i = 0; i < 2; i++) await attempt('nanchangxian', `Again#${i}bb`, '198.51.100.12');
    expect(await lanesOf('nanchangxian')).toEqual([]);
    expect((await attempt('nanchangxian', DEMO_PASSWORD, '198.51.100.12')).status).toBe(302);
  });

  it('an account with nothing to unlock is told so, and nothing is written', async () => {
    const audits = await AuditLog.count({ where: { action: 'accountUnlocked' } });
    for (const username of ['nanchang', '']) {
      const { body } = await unlock(security, username);
      expect(body.notice.type).toBe('error');
      expect(body.notice.message).toBe(username ? '该账号当前没有因登录失败而受限，无需解锁' : '请指明要解除限制的账号');
    }
    expect(await AuditLog.count({ where: { action: 'accountUnlocked' } })).toBe(audits);
    expect(await LoginAttempt.count({ where: { username: 'nanchang', outcome: 'unlocked' } })).toBe(0);
  });
});

describe('a wrong username and a wrong password are told apart by nothing', () => {
  const ACCOUNTS = 10;
  beforeAll(async () => {
    for (let i = 0; i < ACCOUNTS; i++) await ownUser(`timing${i}`, 'Timing#Pass77');
    await ownUser('inactive1', 'Timing#Pass77').then((user) => user.update({ active: false }));
  });

  it('the same answer, to the byte, for an unknown username, a wrong password and an inactive account', async () => {
    const answers = [
      await attempt('ghost-user', 'Timing#Pass77', '192.0.2.1'),
      await attempt('timing0', 'Timing#Pass78', '192.0.2.2'),
      await attempt('inactive1', 'Timing#Pass77', '192.0.2.3'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(bodies[0]).toContain('invalidCredentials');
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
    // The same cookies by name (a session for the next try, no trusted-browser cookie), whoever was guessed.
    const cookieNames = answers.map((a) => a.headers.getSetCookie().map((c) => c.split('=')[0]));
    expect(cookieNames[1]).toEqual(cookieNames[0]);
    expect(cookieNames[2]).toEqual(cookieNames[0]);
    expect(cookieNames[0]).not.toContain('jxcg.device');
  });

  it('in comparable time: the medians of ten of each differ by less than half (without the decoy hash, ten times)', async () => {
    const timed = async (username: string, ip: string): Promise<number> => {
      const started = performance.now();
      const response = await attempt(username, 'Timing#Wrong1', ip);
      await response.text();
      return performance.now() - started;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Alternated, each from an address and on a lane of its own: no wait and no slowing, only the checking itself.
    for (let i = 0; i < ACCOUNTS; i++) {
      unknown.push(await timed(`ghost${i}`, `192.0.2.${10 + i}`));
      wrong.push(await timed(`timing${i}`, `192.0.2.${30 + i}`));
    }
    expect(unknown.length).toBe(ACCOUNTS);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const [u, w] = [median(unknown), median(wrong)];
    expect(Math.abs(u - w)).toBeLessThan(Math.max(u, w) / 2);
  });
});

describe('once signed in, the user is told of the last login and the failures since', () => {
  const notice = async (cookie: string) => (await clientWithCookie(app.url, '', cookie).get('/admin/api/dashboard')).body.user.loginNotice;

  it("the first login says so; the next names the first's time and address, and the failures between", async () => {
    await ownUser('tongzhi', 'Notice#Pass55');
    const first = sessionCookieOf(await attempt('tongzhi', 'Notice#Pass55', '10.9.8.7'));
    expect(await notice(first)).toEqual({ text: '这是该账号首次登录。', warning: false });

    await attempt('tongzhi', 'Notice#Wrong1', '203.0.113.50');
    await attempt('tongzhi', 'Notice#Wrong2', '203.0.113.51');
    const second = sessionCookieOf(await attempt('tongzhi', 'Notice#Pass55', '10.9.8.7'));
    const told = await notice(second);
    expect(told.warning).toBe(true);
    expect(told.text).toMatch(
      /^上次登录：\d{4}-\d{2}-\d{2} \d{2}:\d{2}，来自 10\.9\.8\.7。此后登录失败 2 次，最近一次 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，来自 203\.0\.113\.51。如非本人操作，请修改密码并告知安全管理员。$/,
    );

    const third = sessionCookieOf(await attempt('tongzhi', 'Notice#Pass55', '10.9.8.6'));
    expect(await notice(third)).toEqual({ text: expect.stringMatching(/来自 10\.9\.8\.7。此后没有失败的登录。$/), warning: false });
    // Each session keeps what it was told at its own login.
    expect((await notice(second)).warning).toBe(true);
  });
});
