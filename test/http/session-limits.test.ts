import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SessionData } from 'express-session';
import { Op } from 'sequelize';
import { startWeb, type Running } from '../../main/bootstrap.js';
import { AuditLog, Session } from '../../db/models.js';
import { sessionLimits } from '../../domain/session-limits.js';
import { SessionStore } from '../../http/session-store.js';
import { api, clientWithCookie, login, loginResponse, startTestApp, testEnv, type Client } from '../support/test-app.js';
import { until } from '../support/until.js';

/**
 * The session time limits as an attacker and an absent-minded user meet them, over HTTP: an idle end of 6 s and an
 * absolute end of 14.4 s (SESSION_IDLE_MINUTES=0.1, SESSION_MAX_HOURS=0.004), on both engines.
 */
const IDLE_MS = 6_000;
/** How often each instance sweeps ended sessions with these limits (http/session-store.ts: a minute, or the idle time). */
const sweepEvery = IDLE_MS;
const MAX_MS = 14_400;
const LIMITS = { SESSION_IDLE_MINUTES: '0.1', SESSION_MAX_HOURS: '0.004' };

let app: Awaited<ReturnType<typeof startTestApp>>;
/** A second instance on the same database and limits, with one session per user. */
let single: Running;
beforeAll(async () => {
  app = await startTestApp(LIMITS);
  single = await startWeb(
    await testEnv({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      ...LIMITS,
      SINGLE_SESSION_PER_USER: 'true',
    }),
    { seedDemo: false },
  );
});
afterAll(async () => {
  await single?.stop();
  await app.stop();
});

const sidOf = (client: Client) => decodeURIComponent(client.cookie.split('=')[1]!).slice(2).split('.')[0]!;
const rowOf = (client: Client) => Session.findByPk(sidOf(client));
const withHeaders = (client: Client, path: string, headers: Record<string, string>) =>
  fetch(`${app.url}${path}`, { headers: { cookie: client.cookie, ...headers }, redirect: 'manual' });
/** The reason cookie a response set for the login page, if any. */
const endedCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith('jxcg.ended='))
    ?.split(';')
    .map((part) => part.trim());
const signedIn = async (client: Client) => (await client.get(api.list('ProcurementUnit'))).status === 200;

// The tests that wait for a limit to pass wait side by side (it.concurrent, in one block: jest runs a block's concurrent
// tests together, before the next block): each signs in a session of its own and reads only its own session's rows and
// audits.
describe('the idle end and the absolute end, waited for side by side', () => {
  it.concurrent(
    'a session unused for the idle time is signed out at its next request, the login page is told why, the audit trail records it',
    async () => {
      const county = await login(app.url, 'nanchangxian');
      expect(await signedIn(county)).toBe(true);
      const handle = (await rowOf(county))!.handle!;
      await sleep(IDLE_MS + 500);
      const answer = await withHeaders(county, api.list('ProcurementUnit'), {});
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('/admin/login');
      const ended = endedCookie(answer)!;
      expect(ended[0]).toBe('jxcg.ended=idle');
      expect(ended).toContain('Path=/admin/login');
      expect(ended.some((part) => /^HttpOnly$/i.test(part))).toBe(false);
      // The session is destroyed, not just refused: its cookie replayed later signs nobody in.
      expect(await rowOf(county)).toBeNull();
      expect(await signedIn(county)).toBe(false);
      const audits = await AuditLog.findAll({ where: { action: 'sessionExpired', recordId: handle } });
      expect(audits).toHaveLength(1);
      expect(audits[0]!.actorUsername).toBe('system');
      expect(audits[0]!.reason).toContain('空闲超时');
      expect(JSON.parse(audits[0]!.changes!).username).toEqual({ before: 'nanchangxian', after: null });
    },
  );

  it.concurrent('the user working keeps the session: each request moves the idle end on', async () => {
    const county = await login(app.url, 'nanchangxian');
    const started = Date.now();
    const answers: number[] = [];
    while (Date.now() - started < IDLE_MS * 1.6) {
      await sleep(IDLE_MS * 0.4);
      answers.push((await county.get(api.list('ProcurementUnit'))).status);
    }
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers).toEqual(answers.map(() => 200));
  });

  it.concurrent(
    "the page's own polls do not count: the session check, a poll marked X-Background-Request, the queue board's refresh",
    async () => {
      const county = await login(app.url, 'nanchangxian');
      const row = (await rowOf(county))!;
      const started = Date.now();
      const statuses: number[] = [];
      while (Date.now() - started < IDLE_MS - 1000) {
        statuses.push((await withHeaders(county, '/admin/session', { accept: 'application/json' })).status);
        statuses.push((await withHeaders(county, api.list('ProcurementUnit'), { 'x-background-request': '1' })).status);
        statuses.push((await withHeaders(county, '/admin/queues/api/queues', { accept: 'application/json' })).status);
        await sleep(300);
      }
      expect(statuses.length).toBeGreaterThanOrEqual(9);
      expect(statuses.filter((s, i) => i % 3 !== 2)).toEqual(statuses.filter((_, i) => i % 3 !== 2).map(() => 200));
      // None of them wrote an activity.
      expect((await rowOf(county))!.lastActiveAt).toEqual(row.lastActiveAt);
      await sleep(started + IDLE_MS + 300 - Date.now());
      // The session check itself finds the idle end: it signs the user out and says why.
      const check = await withHeaders(county, '/admin/session', { accept: 'application/json' });
      expect(check.status).toBe(401);
      expect(await check.json()).toMatchObject({ code: 'signed_out', ended: 'idle' });
      expect(endedCookie(check)![0]).toBe('jxcg.ended=idle');
      expect(await signedIn(county)).toBe(false);
    },
  );

  it.concurrent('a write is activity even when marked as background', async () => {
    const county = await login(app.url, 'nanchangxian');
    await sleep(IDLE_MS * 0.6);
    const renewed = await fetch(`${app.url}/admin/session/renew`, {
      method: 'POST',
      headers: { cookie: county.cookie, origin: app.url, 'x-background-request': '1' },
    });
    expect(renewed.status).toBe(200);
    await sleep(IDLE_MS * 0.6);
    expect(await signedIn(county)).toBe(true);
  });

  it.concurrent('the session check says how long is left and when to warn; 继续使用 (renew) starts the idle time again', async () => {
    const county = await login(app.url, 'nanchangxian');
    const first = (await county.get('/admin/session')).body;
    expect(first.idleLeftMs).toBeGreaterThan(IDLE_MS - 2000);
    expect(first.idleLeftMs).toBeLessThanOrEqual(IDLE_MS);
    expect(first.absoluteLeftMs).toBeGreaterThan(MAX_MS - 3000);
    expect(first.warningMs).toBe(IDLE_MS / 2);
    await sleep(IDLE_MS * 0.6);
    const before = (await county.get('/admin/session')).body;
    expect(before.idleLeftMs).toBeLessThan(IDLE_MS * 0.5);
    const renewed = await county.post('/admin/session/renew');
    expect(renewed.status).toBe(200);
    expect(renewed.body.idleLeftMs).toBeGreaterThan(IDLE_MS - 500);
    await sleep(IDLE_MS * 0.6);
    // Past the idle time since login, within it since 继续使用.
    expect((await county.get('/admin/session')).status).toBe(200);
  });

  it.concurrent(
    'a session in constant use is signed out at its absolute end, and the login page is told the limit',
    async () => {
      const county = await login(app.url, 'nanchangxian');
      const started = Date.now();
      const statuses: number[] = [];
      while (Date.now() - started < MAX_MS - 1500) {
        statuses.push((await county.get(api.list('ProcurementUnit'))).status);
        await sleep(500);
      }
      expect(statuses.length).toBeGreaterThanOrEqual(12);
      expect(statuses).toEqual(statuses.map(() => 200));
      await sleep(started + MAX_MS + 500 - Date.now());
      const answer = await withHeaders(county, api.list('ProcurementUnit'), {});
      expect(answer.status).toBe(302);
      expect(endedCookie(answer)![0]).toBe(`jxcg.ended=${encodeURIComponent('absolute:0.004')}`);
      expect(await signedIn(county)).toBe(false);
      const audits = await AuditLog.findAll({ where: { action: 'sessionExpired', reason: { [Op.like]: '%最长时间%' } } });
      expect(audits.length).toBeGreaterThanOrEqual(1);
      expect(audits.map((a) => JSON.parse(a.changes!).username.before)).toContain('nanchangxian');
    },
    60_000,
  );

  it.concurrent(
    'sessions past their idle end are swept (and leave the list of active sessions) without a request of theirs, each recorded once',
    async () => {
      const county = await login(app.url, 'nanchangxian');
      const handle = (await rowOf(county))!.handle!;
      await until(async () => (await rowOf(county)) === null, IDLE_MS * 4, '空闲超时的会话被清理');
      // Both instances sweep the same table.
      await sleep(sweepEvery + 500);
      const audits = await AuditLog.findAll({ where: { action: 'sessionExpired', recordId: handle } });
      expect(audits).toHaveLength(1);
      expect(audits[0]!.reason).toContain('空闲超时');
    },
  );
});

describe('the idle end', () => {
  it('a signed-out browser asking about its session is told so, without a reason it cannot know', async () => {
    const answer = await fetch(`${app.url}/admin/session`, { headers: { accept: 'application/json' } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ code: 'signed_out', ended: null, message: '登录已失效，请重新登录' });
    expect((await fetch(`${app.url}/admin/session/renew`, { method: 'POST', headers: { origin: app.url } })).status).toBe(401);
  });
});

describe('an ended session stays ended', () => {
  it('a late save of a session ended meanwhile (its request was still running) does not write it back', async () => {
    const county = await login(app.url, 'nanchangxian');
    const store = new SessionStore(Session.sequelize!, sessionLimits(0.1, 0.004));
    try {
      const sid = sidOf(county);
      const read = await new Promise<SessionData>((resolve, reject) => store.get(sid, (e, s) => (e ? reject(e) : resolve(s!))));
      expect(read).toMatchObject({ adminUser: { username: 'nanchangxian' } });
      await Session.destroy({ where: { sid } });
      await new Promise<void>((resolve, reject) =>
        store.set(sid, { ...read, wroteAt: Date.now() } as never, (e) => (e ? reject(e) : resolve())),
      );
      expect(await Session.findByPk(sid)).toBeNull();
      expect(await signedIn(county)).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('在线会话: the security administrator sees and ends sessions', () => {
  it('lists who is signed in, with role, region, address, login time and last activity, by a handle that is not the session id', async () => {
    const county = await login(app.url, 'nanchangxian');
    const security = await login(app.url, 'security');
    const { body } = await security.get(api.list('ActiveSession', '&filters.username=nanchangxian'));
    expect(body.records.length).toBeGreaterThanOrEqual(1);
    const handle = (await rowOf(county))!.handle!;
    expect(handle).toMatch(/^[0-9a-f]{32}$/);
    expect(county.cookie).not.toContain(handle);
    const own = body.records.find((r: { id: string }) => r.id === handle);
    expect(own.params).toMatchObject({
      username: 'nanchangxian',
      displayName: '南昌县采购办',
      role: 'county',
      regionCode: '360121',
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    expect(Date.now() - new Date(own.params.startedAt).getTime()).toBeLessThan(IDLE_MS);
    // Written with the row at login, so the same moment give or take the insert.
    expect(Math.abs(new Date(own.params.lastActiveAt).getTime() - new Date(own.params.startedAt).getTime())).toBeLessThan(1000);
    for (const record of body.records) expect(record.params.username).toBe('nanchangxian');
  });

  it('nobody else sees them or may end one', async () => {
    const county = await login(app.url, 'nanchangxian');
    const other = await login(app.url, 'nanchang');
    const handle = (await rowOf(county))!.handle!;
    expect((await other.get(api.list('ActiveSession'))).body.records ?? []).toEqual([]);
    const refused = await other.post(api.record('ActiveSession', handle, 'endSession'), { reason: '试图结束他人会话' });
    expect(refused.body.notice?.type).not.toBe('success');
    expect(await signedIn(county)).toBe(true);
    expect(await AuditLog.count({ where: { action: 'sessionTerminated', recordId: handle } })).toBe(0);
  });

  it('结束会话: shows whose session it is, ends it at once (its next request goes to the login page) and is audited', async () => {
    const county = await login(app.url, 'nanchangxian');
    const security = await login(app.url, 'security');
    const handle = (await rowOf(county))!.handle!;
    // Opening the form (a GET, as a link would) ends nothing.
    const form = await security.get(api.record('ActiveSession', handle, 'endSession'));
    expect(form.status).toBe(200);
    expect(form.body.details.map((d: { label: string }) => d.label)).toEqual(['用户', '角色', '来源地址', '登录时间', '最后活动']);
    expect(form.body.details[0].value).toBe('南昌县采购办（nanchangxian）');
    expect(await signedIn(county)).toBe(true);
    const ended = await security.post(api.record('ActiveSession', handle, 'endSession'), { reason: '疑似他人登录' });
    expect(ended.body.notice).toEqual({ type: 'success', message: '已结束 南昌县采购办 的会话，该用户需重新登录' });
    expect(await signedIn(county)).toBe(false);
    const audits = await AuditLog.findAll({ where: { action: 'sessionTerminated', recordId: handle } });
    expect(audits.length).toBe(1);
    expect(audits[0]!).toMatchObject({
      actorUsername: 'security',
      resourceId: 'ActiveSession',
      regionCode: '360121',
      reason: '疑似他人登录',
    });
    expect(JSON.parse(audits[0]!.changes!).username.before).toBe('nanchangxian');
    // Ending it again: it is gone, and nothing more is recorded.
    const again = await security.post(api.record('ActiveSession', handle, 'endSession'), {});
    expect(again.body.notice?.type).not.toBe('success');
    expect(await AuditLog.count({ where: { action: 'sessionTerminated', recordId: handle } })).toBe(1);
  });
});

describe('one session per user (SINGLE_SESSION_PER_USER)', () => {
  it('on: a new login ends the same user’s other sessions (audited), not other users’', async () => {
    const first = await login(single.url, 'ganzhou');
    const bystander = await login(single.url, 'nanchang');
    const firstHandle = (await rowOf(first))!.handle!;
    const second = await login(single.url, 'ganzhou');
    expect(await signedIn(clientWithCookie(single.url, 'ganzhou', first.cookie))).toBe(false);
    expect(await signedIn(clientWithCookie(single.url, 'ganzhou', second.cookie))).toBe(true);
    expect(await signedIn(clientWithCookie(single.url, 'nanchang', bystander.cookie))).toBe(true);
    const audit = await AuditLog.findOne({ where: { action: 'sessionTerminated', recordId: firstHandle } });
    expect(audit).toMatchObject({ actorUsername: 'ganzhou', reason: expect.stringContaining('只保留最新的一个会话') });
  });

  it('off (the default): two logins of one user both stay signed in', async () => {
    const first = await login(app.url, 'ganzhou');
    const second = await loginResponse(app.url, 'ganzhou');
    expect(second.status).toBe(302);
    expect(await signedIn(first)).toBe(true);
  });
});
