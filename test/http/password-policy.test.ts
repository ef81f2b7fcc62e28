import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, PasswordHistory, SupervisorUser } from '../../db/models.js';
import { api, clientWithCookie, login, loginResponse, sessionCookieOf, startTestApp, type Client } from '../support/test-app.js';

/**
 * Issue #29 item 2 (等保 8.1.4.1 a): the password policy over HTTP, as a user and an administrator meet it. Every set is
 * checked (the panel's forms, the user's own page /admin/password); a password someone else set, or one past its 90
 * days, is changed before anything else, and the server holds every other page and answer back until it is.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp();
  admin = await login(app.url, 'admin');
});
afterAll(async () => {
  await app.stop();
});

const INITIAL = 'Kx9$mQ2wLp';
const userNamed = async (username: string) => (await SupervisorUser.findOne({ where: { username } }))!;

/** A county user created by the administrator in the panel, with an initial password. */
async function createUser(username: string, password = INITIAL): Promise<SupervisorUser> {
  const { body } = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
    username,
    displayName: `${username}采购办`,
    role: 'county',
    regionCode: '360121',
    active: true,
    password,
  });
  expect(body.notice.type).toBe('success');
  return userNamed(username);
}

/** The user's own change, as a script posts it; the answer's new session cookie replaces the old one. */
async function changeOwn(
  cookie: string,
  currentPassword: string,
  newPassword: string,
  confirmPassword = newPassword,
): Promise<{ status: number; body: { ok?: boolean; code?: string; message: string }; cookie: string }> {
  const response = await fetch(`${app.url}/admin/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ currentPassword, newPassword, confirmPassword }),
  });
  return { status: response.status, body: (await response.json()) as never, cookie: sessionCookieOf(response) || cookie };
}

const page = (cookie: string, path: string) => fetch(`${app.url}${path}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });

describe('a password set by someone else is changed first', () => {
  let cookie: string;

  it('a new user signs in with the initial password and is held to the password page: pages redirect there, API answers refuse', async () => {
    await createUser('chuzhi');
    expect((await userNamed('chuzhi')).passwordChangeDue).toBe('initial');
    const response = await loginResponse(app.url, 'chuzhi', INITIAL);
    expect(response.status).toBe(302);
    cookie = sessionCookieOf(response);
    for (const path of ['/admin', '/admin/resources/ProcurementUnit']) {
      const answer = await page(cookie, path);
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('/admin/password');
    }
    const client = clientWithCookie(app.url, 'chuzhi', cookie);
    const refused = [
      await client.get(api.list('ProcurementUnit')),
      await client.get('/admin/api/dashboard'),
      await client.post(api.resourceAction('ProcurementUnit', 'exportXlsx'), { query: '' }),
    ];
    expect(refused.length).toBe(3);
    for (const answer of refused) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'password_change_required', message: expect.stringContaining('密码须先修改') });
    }
    const own = await page(cookie, '/admin/password');
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain('data-forced="initial"');
    expect(html).toContain('初始密码');
    expect(html).toContain('不能与最近 5 次使用过的密码相同');
  });

  it('the initial password itself is not a new one', async () => {
    const { status, body } = await changeOwn(cookie, INITIAL, INITIAL);
    expect(status).toBe(400);
    expect(body.message).toBe('新密码不能与最近 5 次使用过的密码相同');
    expect((await userNamed('chuzhi')).passwordChangeDue).toBe('initial');
  });

  it('once changed, the same session goes on (under a new id) to every page, and the change is audited as the user’s own', async () => {
    const before = await userNamed('chuzhi');
    const { status, body, cookie: renewed } = await changeOwn(cookie, INITIAL, 'Tz4#vNq8Ws');
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, message: '密码已修改' });
    expect(renewed).not.toBe(cookie);
    const after = await userNamed('chuzhi');
    expect(after.passwordChangeDue).toBeNull();
    expect(after.passwordChangedAt!.getTime()).toBeGreaterThan(before.passwordChangedAt!.getTime());
    expect((await clientWithCookie(app.url, 'chuzhi', cookie).get(api.list('ProcurementUnit'))).status).not.toBe(200);
    const { status: listed, body: list } = await clientWithCookie(app.url, 'chuzhi', renewed).get(api.list('ProcurementUnit'));
    expect(listed).toBe(200);
    expect(list.records.length).toBeGreaterThan(0);
    const audit = await AuditLog.findOne({ where: { action: 'passwordChanged', recordId: String(after.id) } });
    expect(audit).toMatchObject({
      actorUsername: 'chuzhi',
      resourceId: 'SupervisorUser',
      regionCode: '360121',
      reason: '本人修改（初始密码）',
    });
    expect(`${audit!.changes} ${audit!.reason}`).not.toMatch(/Tz4#vNq8Ws|\$argon2/);
    expect((await loginResponse(app.url, 'chuzhi', INITIAL)).status).toBe(200);
    expect((await page(sessionCookieOf(await loginResponse(app.url, 'chuzhi', 'Tz4#vNq8Ws')), '/admin')).status).toBe(200);
  });

  it("an administrator's reset of another user's password is changed at that user's next login; the old sessions end at once", async () => {
    const user = await createUser('chongzhi');
    const first = await changeOwn(sessionCookieOf(await loginResponse(app.url, 'chongzhi', INITIAL)), INITIAL, 'Bq7&rTz3Lm');
    expect(first.status).toBe(200);
    expect((await clientWithCookie(app.url, 'chongzhi', first.cookie).get(api.list('ProcurementUnit'))).status).toBe(200);
    const { body } = await admin.post(api.record('SupervisorUser', user.id, 'edit'), { password: 'Rs5^wKp9Qd' });
    expect(body.notice.type).toBe('success');
    expect((await userNamed('chongzhi')).passwordChangeDue).toBe('reset');
    expect((await clientWithCookie(app.url, 'chongzhi', first.cookie).get(api.list('ProcurementUnit'))).status).not.toBe(200);
    const cookie = sessionCookieOf(await loginResponse(app.url, 'chongzhi', 'Rs5^wKp9Qd'));
    expect((await clientWithCookie(app.url, 'chongzhi', cookie).get(api.list('ProcurementUnit'))).body.code).toBe(
      'password_change_required',
    );
    expect(await (await page(cookie, '/admin/password')).text()).toContain('data-forced="reset"');
  });
});

describe('each rule is named when it fails', () => {
  let cookie: string;
  beforeAll(async () => {
    await createUser('guize');
    cookie = (await changeOwn(sessionCookieOf(await loginResponse(app.url, 'guize', INITIAL)), INITIAL, 'Mv3@kTq8Zr')).cookie;
  });

  it.each([
    ['', 'Wd5!nRt7Ke', '请输入当前密码'],
    ['Mv3@kTq8Zr', '', '请输入新密码'],
    ['Mv3@kTq8Zr', 'Ab1!xyz', '密码至少 8 位（现为 7 位）'],
    ['Mv3@kTq8Zr', `Aa1!${'x'.repeat(69)}`, '密码不能超过 72 位'],
    ['Mv3@kTq8Zr', 'abcdefg9k', '密码只含 2 类字符，须包含大写字母、小写字母、数字、符号中的至少 3 类'],
    ['Mv3@kTq8Zr', 'Guize#2026', '密码不能包含用户名'],
    ['Mv3@kTq8Zr', 'P@ssw0rd2026', '密码过于常见（如 password1、qwerty123），容易被猜中，请另设一个'],
    ['Mv3@kTq8Zr', 'Mv3@kTq8Zr', '新密码不能与最近 5 次使用过的密码相同'],
    ['Wrong#2026x', 'Wd5!nRt7Ke', '当前密码不正确（还可再试 4 次）'],
  ])('current %j, new %j: %s, and nothing changes', async (current, next, message) => {
    const before = (await userNamed('guize')).passwordHash;
    const { status, body } = await changeOwn(cookie, current, next);
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'password_refused', message });
    expect((await userNamed('guize')).passwordHash).toBe(before);
  });

  it('the two new passwords must agree', async () => {
    const { body } = await changeOwn(cookie, 'Mv3@kTq8Zr', 'Wd5!nRt7Ke', 'Wd5!nRt7Kf');
    expect(body.message).toBe('两次输入的新密码不一致');
  });

  it("the administrator's form names the same rules for a new user and for a reset", async () => {
    const user = await userNamed('guize');
    const reset = await admin.post(api.record('SupervisorUser', user.id, 'edit'), { password: 'Mv3@kTq8Zr' });
    expect(reset.body.record.errors.password.message).toBe('新密码不能与最近 5 次使用过的密码相同');
    const created = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
      username: 'guize2',
      displayName: '规则',
      role: 'county',
      regionCode: '360121',
      password: 'abcdefg9k',
    });
    expect(created.body.record.errors.password.message).toBe('密码只含 2 类字符，须包含大写字母、小写字母、数字、符号中的至少 3 类');
    expect(await SupervisorUser.count({ where: { username: 'guize2' } })).toBe(0);
  });

  it('five wrong current passwords in one session end it', async () => {
    const session = sessionCookieOf(await loginResponse(app.url, 'guize', 'Mv3@kTq8Zr'));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await changeOwn(session, `Wrong#${i}abc`, 'Wd5!nRt7Ke'));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 401]);
    expect(answers[4]!.body.message).toBe('当前密码已连续输错 5 次，为保护账号已退出登录，请重新登录');
    expect((await clientWithCookie(app.url, 'guize', session).get(api.list('ProcurementUnit'))).status).not.toBe(200);
  });
});

describe('the last five passwords do not come back', () => {
  it('after five changes the first is still refused, the one before it (sixth back) is taken again', async () => {
    const user = await createUser('lishi');
    const passwords = ['Lp1!aQw9Ez', 'Lp2!aQw9Ez', 'Lp3!aQw9Ez', 'Lp4!aQw9Ez', 'Lp5!aQw9Ez'];
    let cookie = sessionCookieOf(await loginResponse(app.url, 'lishi', INITIAL));
    let current = INITIAL;
    for (const next of passwords) {
      const changed = await changeOwn(cookie, current, next);
      expect(changed.status).toBe(200);
      [cookie, current] = [changed.cookie, next];
    }
    // The last five: the current one and the four before it. INITIAL is sixth back.
    for (const old of passwords) {
      const { status, body } = await changeOwn(cookie, current, old);
      expect([status, body.message]).toEqual([400, '新密码不能与最近 5 次使用过的密码相同']);
    }
    expect(await PasswordHistory.count({ where: { userId: user.id } })).toBe(5);
    expect((await PasswordHistory.findAll({ where: { userId: user.id } })).every((row) => row.passwordHash.startsWith('$argon2id$'))).toBe(
      true,
    );
    const back = await changeOwn(cookie, current, INITIAL);
    expect(back.status).toBe(200);
    expect((await loginResponse(app.url, 'lishi', INITIAL)).status).toBe(302);
  });
});

describe('a password past its days is changed at the next login', () => {
  const DAY = 86_400_000;

  it('89 days old signs in as usual; 90 days old is held to the password page with the rule named', async () => {
    await createUser('guoqi');
    const cookie = (await changeOwn(sessionCookieOf(await loginResponse(app.url, 'guoqi', INITIAL)), INITIAL, 'Gq8%tYr3Mn')).cookie;
    expect((await clientWithCookie(app.url, 'guoqi', cookie).get(api.list('ProcurementUnit'))).status).toBe(200);

    await SupervisorUser.update({ passwordChangedAt: new Date(Date.now() - 89 * DAY) }, { where: { username: 'guoqi' } });
    const fresh = sessionCookieOf(await loginResponse(app.url, 'guoqi', 'Gq8%tYr3Mn'));
    expect((await clientWithCookie(app.url, 'guoqi', fresh).get(api.list('ProcurementUnit'))).status).toBe(200);

    await SupervisorUser.update({ passwordChangedAt: new Date(Date.now() - 90 * DAY - 60_000) }, { where: { username: 'guoqi' } });
    // A session signed in before the expiry keeps working until it ends; the next login is held.
    expect((await clientWithCookie(app.url, 'guoqi', fresh).get(api.list('ProcurementUnit'))).status).toBe(200);
    const expired = sessionCookieOf(await loginResponse(app.url, 'guoqi', 'Gq8%tYr3Mn'));
    expect((await clientWithCookie(app.url, 'guoqi', expired).get(api.list('ProcurementUnit'))).body.code).toBe('password_change_required');
    expect((await page(expired, '/admin')).headers.get('location')).toBe('/admin/password');
    const html = await (await page(expired, '/admin/password')).text();
    expect(html).toContain('data-forced="expired"');
    expect(html).toContain('您的密码已使用超过 90 天');

    const changed = await changeOwn(expired, 'Gq8%tYr3Mn', 'Gq9%tYr3Mn');
    expect(changed.status).toBe(200);
    expect((await clientWithCookie(app.url, 'guoqi', changed.cookie).get(api.list('ProcurementUnit'))).status).toBe(200);
    expect(Date.now() - (await userNamed('guoqi')).passwordChangedAt!.getTime()).toBeLessThan(60_000);
    const audit = await AuditLog.findOne({ where: { action: 'passwordChanged', actorUsername: 'guoqi' }, order: [['id', 'DESC']] });
    expect(audit!.reason).toBe('本人修改（密码已到期）');
  });
});

describe('the page itself', () => {
  it('is reached from the top bar signed in, and sends whoever is not signed in to the login page', async () => {
    const own = await page(admin.cookie, '/admin/password');
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    const html = await own.text();
    expect(html).toContain('修改密码');
    expect(html).not.toContain('data-forced');
    expect(html).toContain('返回工作台');
    const anonymous = await fetch(`${app.url}/admin/password`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/admin/login');
    const posted = await fetch(`${app.url}/admin/password`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ currentPassword: 'x', newPassword: 'Wd5!nRt7Ke', confirmPassword: 'Wd5!nRt7Ke' }),
    });
    expect(posted.status).toBe(401);
  });

  it('a form post from a browser gets the page again with the rule, or the workbench once changed', async () => {
    await createUser('biaodan');
    const cookie = sessionCookieOf(await loginResponse(app.url, 'biaodan', INITIAL));
    const post = (fields: Record<string, string>, session = cookie) =>
      fetch(`${app.url}/admin/password`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded', origin: app.url, accept: 'text/html' },
        body: new URLSearchParams(fields).toString(),
      });
    const refused = await post({ currentPassword: INITIAL, newPassword: 'Biaodan#2026', confirmPassword: 'Biaodan#2026' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<p class="error" role="alert" data-testid="password-error">密码不能包含用户名</p>');
    const done = await post({ currentPassword: INITIAL, newPassword: 'Fw2(hJk7Tb', confirmPassword: 'Fw2(hJk7Tb' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin');
    expect((await page(sessionCookieOf(done), '/admin')).status).toBe(200);
  });
});
