import { expect, it } from '@jest/globals';
import { SupervisorUser } from '../../db/models.js';
import { newPasswordFields } from '../../services/password-change.js';
import { browserSession, loginThroughForm, screenshot } from './browser.js';

/**
 * Issue #29 item 2 in a real browser: a user whose password an administrator set signs in through the form, lands on
 * the password page, cannot get anywhere else, is told which rule a new password breaks, and once it is changed
 * works in the panel; the page is also reached from the top bar's menu.
 */
const s = await browserSession('浏览器端到端测试（首次登录强制修改密码）');
const INITIAL = 'Ruyi#Gate2026';
const CHOSEN = 'Tengwang&Pavilion9';

s.describe('the forced password change at login', () => {
  it('an initial password leads to the password page, and nowhere else, until it is changed', async () => {
    await SupervisorUser.create({
      username: 'xinren',
      displayName: '南昌县采购办（新同事）',
      role: 'county',
      regionCode: '360121',
      ...(await newPasswordFields(INITIAL, 'initial')),
    });
    const { page } = s;
    await page.goto(`${s.app.url}/admin/login`);
    await page.locator('input[name="email"]').fill('xinren');
    await page.locator('input[name="password"]').fill(INITIAL);
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/password'), page.locator('form button').click()]);
    expect(await page.getByTestId('password-forced').innerText()).toContain('初始密码');
    expect(await page.getByTestId('password-page').getAttribute('data-forced')).toBe('initial');
    await screenshot(page, 'password-forced');

    // The panel's pages and its API stay shut, typed in or followed from a bookmark.
    for (const address of ['/admin', '/admin/resources/ProcurementUnit', '/admin/queues']) {
      await page.goto(`${s.app.url}${address}`);
      expect(new URL(page.url()).pathname).toBe('/admin/password');
    }
    const api = await page.request.get(`${s.app.url}/admin/api/resources/ProcurementUnit/actions/list`);
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { code: string }).code).toBe('password_change_required');

    // A new password that breaks a rule is refused by name, and the page stays.
    await page.locator('#currentPassword').fill(INITIAL);
    await page.locator('#newPassword').fill('Xinren#2026');
    await page.locator('#confirmPassword').fill('Xinren#2026');
    await Promise.all([page.waitForLoadState('load'), page.locator('button[type="submit"]').click()]);
    expect(await page.getByTestId('password-error').innerText()).toBe('密码不能包含用户名');
    await screenshot(page, 'password-refused');

    await page.locator('#currentPassword').fill(INITIAL);
    await page.locator('#newPassword').fill(CHOSEN);
    await page.locator('#confirmPassword').fill(CHOSEN);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/'),
      page.locator('button[type="submit"]').click(),
    ]);
    await page.getByTestId('greeting').waitFor();
    expect(await page.getByTestId('login-notice').innerText()).toBe('这是该账号首次登录。');
    await page.goto(`${s.app.url}/admin/resources/ProcurementUnit`);
    await page.locator('tr[data-id]').first().waitFor();
    expect((await SupervisorUser.findOne({ where: { username: 'xinren' } }))!.passwordChangeDue).toBeNull();
    expect(s.foreign).toEqual([]);
  });

  it('the top bar’s menu leads to the same page, where nothing is forced, and the new password signs in', async () => {
    const { page } = s;
    await page.goto(`${s.app.url}/admin/logout`);
    await loginThroughForm(page, s.app.url, 'xinren', CHOSEN);
    expect(await page.getByTestId('login-notice').innerText()).toMatch(/^上次登录：.+此后没有失败的登录。$/);
    await page.locator('[data-css="logged-in"]').hover();
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/password'), page.getByText('修改密码').click()]);
    expect(await page.getByTestId('password-page').getAttribute('data-forced')).toBeNull();
    await screenshot(page, 'password-own');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/'),
      page.getByText('返回工作台').click(),
    ]);
    expect(s.foreign).toEqual([]);
  });

  it('the security administrator sees a locked account under 登录安全事件 → 受限账号 and unlocks it', async () => {
    const { page } = s;
    for (let i = 0; i < 5; i++) {
      await page.request.post(`${s.app.url}/admin/login`, {
        form: { email: 'xinren', password: `Wrong#${i}pass` },
        headers: { origin: s.app.url },
        maxRedirects: 0,
      });
    }
    await page.goto(`${s.app.url}/admin/logout`);
    await loginThroughForm(page, s.app.url, 'security');
    await page.goto(`${s.app.url}/admin/resources/LoginAttempt/actions/lockedAccounts`);
    const row = page.locator('[data-testid="locked-lane"][data-username="xinren"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('南昌县采购办（新同事）');
    await screenshot(page, 'locked-accounts');
    await row.getByTestId('unlock').click();
    await page.getByText('已解除 xinren 的登录限制').waitFor();
    await row.waitFor({ state: 'detached' });
    expect(s.foreign).toEqual([]);
  });
});
