import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { AuditLog, SupervisorUser } from '../../db/models.js';
import { browserSession, loginThroughForm, openPanelPage, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（三员分立：系统管理员、安全管理员、审计管理员各自的菜单）');

const SYSTEM = '系统管理';

/** Each group of the sidebar as drawn, and the entries of the open ones. */
async function sidebar(page: Page): Promise<Array<{ label: string; entries: string[] }>> {
  const root = page.locator('[data-css="sidebar"]');
  await root.getByText(SYSTEM, { exact: true }).waitFor();
  return root.evaluate((element) =>
    [...element.querySelectorAll('li')]
      .filter((li) => !li.parentElement?.closest('li'))
      .map((li) => ({
        label: (li.querySelector(':scope > a') as HTMLElement).innerText.trim(),
        entries: [...li.querySelectorAll(':scope > ul > li > a')].map((a) => (a as HTMLElement).innerText.trim()),
      })),
  );
}

/** Every entry one of the three administrators' menus holds, to check that each sees only their own. */
const DUTIES = {
  admin: ['监管用户', '超期上报', '一体化接收批次', '行政区划'],
  security: ['用户授权', '登录安全事件', '在线会话'],
  auditor: ['操作日志', '登录安全事件'],
} as const;

s.describe('三员分立: each administrator sees their own menu and not the others’ (admin, security, auditor)', () => {
  it.each(Object.entries(DUTIES))('%s', async (username, own) => {
    const { page, foreign } = await openPanelPage(s.browser, s.app.url);
    await loginThroughForm(page, s.app.url, username);
    // The workbench's figures come from its own request: read once they are drawn.
    await page.locator('[data-testid="queue-status"]').waitFor();
    const workbench = await page.locator('[data-css="app-content"]').innerText();
    expect({ username, queueBoard: workbench.includes('查看任务队列') }).toEqual({ username, queueBoard: username === 'admin' });

    // A page of their own opens 系统管理 (the sidebar opens the group of the page shown).
    const first = { admin: 'SupervisorUser', security: 'RoleGrant', auditor: 'AuditLog' }[username]!;
    await page.goto(`${s.app.url}/admin/resources/${first}`);
    await page.locator('tr[data-id]').first().waitFor();
    const groups = await sidebar(page);
    const system = groups.find((g) => g.label === SYSTEM)!;
    expect({ username, entries: system.entries }).toEqual({ username, entries: [...own] });
    const others = Object.values(DUTIES)
      .flat()
      .filter((entry) => !(own as readonly string[]).includes(entry));
    expect({ username, seen: others.filter((entry) => system.entries.includes(entry)) }).toEqual({ username, seen: [] });
    // The security and the audit administrator are no business users: 系统管理 is their only menu.
    if (username !== 'admin') expect({ username, groups: groups.map((g) => g.label) }).toEqual({ username, groups: [SYSTEM] });
    else expect(groups.map((g) => g.label)).toEqual(expect.arrayContaining(['主体管理', '专家管理', SYSTEM]));
    await screenshot(page, `menus-${username}`);

    // Another administrator's page, typed in: our refusal page, nothing of its records.
    const theirs = { admin: 'AuditLog', security: 'SupervisorUser', auditor: 'RoleGrant' }[username]!;
    await page.goto(`${s.app.url}/admin/resources/${theirs}`);
    await page
      .locator('[data-css="app-content"]')
      .getByText(/没有这个功能模块|无权|没有执行此操作的权限/)
      .first()
      .waitFor();
    expect(await page.locator('tr[data-id]').count()).toBe(0);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('an office sees none of the three administrators’ entries', async () => {
    const { page } = await openPanelPage(s.browser, s.app.url);
    await loginThroughForm(page, s.app.url, 'province');
    await page.goto(`${s.app.url}/admin/resources/Escalation`);
    await page.locator('[data-css="app-content"]').getByText('超期上报').first().waitFor();
    const system = (await sidebar(page)).find((g) => g.label === SYSTEM)!;
    expect(system.entries).toEqual(['超期上报', '行政区划']);
    await page.close();
  });

  it('the forms say who keeps what: a role is chosen once by the system administrator, granted later by the security administrator', async () => {
    const { page } = await openPanelPage(s.browser, s.app.url);
    await loginThroughForm(page, s.app.url, 'admin');
    await page.goto(`${s.app.url}/admin/resources/SupervisorUser/actions/new`);
    const roleInput = page.locator('[data-testid="property-edit-role"] input').first();
    await roleInput.click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['省采购监管处', '市采购办', '县区采购办', '省公管办']);

    const target = (await SupervisorUser.findOne({ where: { username: 'gongguanban' } }))!;
    await page.goto(`${s.app.url}/admin/resources/SupervisorUser/records/${target.id}/edit`);
    const fixedRole = page.locator('input#role');
    await fixedRole.waitFor();
    expect(await fixedRole.inputValue()).toBe('省公管办');
    expect(await fixedRole.isDisabled()).toBe(true);
    expect(await page.getByTestId('kept-by-role').innerText()).toContain('安全管理员');
    await screenshot(page, 'menus-admin-user-form');
    await page.close();

    const { page: grant } = await openPanelPage(s.browser, s.app.url);
    await loginThroughForm(grant, s.app.url, 'security');
    await grant.goto(`${s.app.url}/admin/resources/RoleGrant/records/${target.id}/edit`);
    const fixedName = grant.locator('input#username');
    await fixedName.waitFor();
    expect(await fixedName.isDisabled()).toBe(true);
    expect(await grant.getByTestId('kept-by-username').innerText()).toContain('系统管理员');
    const role = grant.locator('[data-testid="property-edit-role"] input').first();
    await role.click();
    expect(await grant.getByRole('option').allInnerTexts()).toEqual([
      '系统管理员',
      '安全管理员',
      '审计管理员',
      '省采购监管处',
      '市采购办',
      '县区采购办',
      '省公管办',
    ]);
    await grant.getByRole('option', { name: '省采购监管处' }).click();
    await screenshot(grant, 'menus-security-grant-form');
    await Promise.all([
      grant.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/RoleGrant/records/${target.id}/edit`)),
      grant.getByTestId('button-save').click(),
    ]);
    await target.reload();
    expect(target.role).toBe('province');
    const audit = await AuditLog.findOne({ where: { resourceId: 'RoleGrant', recordId: String(target.id) }, order: [['id', 'DESC']] });
    expect(audit).toMatchObject({ actorUsername: 'security', action: 'userRoleChanged' });
    await grant.close();
  });
});
