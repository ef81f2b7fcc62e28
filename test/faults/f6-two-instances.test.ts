import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { clientWithCookie, login, loginResponse, startTestApp } from '../support/test-app.js';

/** F6: sessions and login throttling live in the database, so any web instance serves any user. */
describe('two web instances on one database', () => {
  let one: Awaited<ReturnType<typeof startTestApp>>;
  let two: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    one = await startTestApp({ LOGIN_MAX_FAILURES: '5' });
    const shared: Record<string, string> = {
      DATABASE_URL: one.env.DATABASE_URL,
      SESSION_SECRET: one.env.SESSION_SECRET,
      LOGIN_MAX_FAILURES: '5',
    };
    if (one.env.MIDDLE_DATABASE_URL) shared.MIDDLE_DATABASE_URL = one.env.MIDDLE_DATABASE_URL;
    two = await startTestApp(shared);
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  it('a session from one instance works on the other, and a logout on one ends it on both', async () => {
    const onOne = await login(one.url, 'nanchang');
    const onTwo = clientWithCookie(two.url, 'nanchang', onOne.cookie);
    const dashboard = await onTwo.get('/admin/api/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.user.displayName).toBe('南昌市采购办');
    const logout = await fetch(`${two.url}/admin/logout`, { headers: { cookie: onOne.cookie }, redirect: 'manual' });
    expect(logout.status).toBe(302);
    for (const base of [one.url, two.url]) {
      const after = await clientWithCookie(base, 'nanchang', onOne.cookie).get('/admin/api/dashboard');
      expect(after.status).not.toBe(200);
    }
  });

  it('the login limit counts failures made on both instances', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await loginResponse(i % 2 ? two.url : one.url, 'ganzhou', 'wrong-password');
      expect(response.status).not.toBe(302);
    }
    const blocked = await loginResponse(two.url, 'ganzhou');
    expect(blocked.status).not.toBe(302);
    expect(await blocked.text()).toContain('登录失败次数过多');
  });
});
