import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SupervisorUser } from '../../db/models.js';
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
import { productionEnv } from '../support/production-env.js';

/**
 * Issue #29 item 2: in production the demo password, which the README publishes, is no account's password. A web
 * started with NODE_ENV=production (on a copy of a database that once held the demo users, the case this guards)
 * refuses it on every set and sends whoever still signs in with it to change it first.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PRODUCTION = productionEnv({
  // Another demo password than the published default: both are refused.
  DEMO_PASSWORD: 'Sample#Pass9',
});
const DEMO_REFUSED = '不能使用演示密码：它随本系统的文档公开，生产环境中任何账号都不得使用';

let app: Awaited<ReturnType<typeof startTestApp>>;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp(PRODUCTION);
});
afterAll(async () => {
  await app.stop();
});

async function changeOwn(cookie: string, currentPassword: string, newPassword: string) {
  const response = await fetch(`${app.url}/admin/password`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ currentPassword, newPassword, confirmPassword: newPassword }),
  });
  return { status: response.status, body: (await response.json()) as { message: string }, cookie: sessionCookieOf(response) };
}

describe('NODE_ENV=production: the demo password', () => {
  it('signs a demo user in only to the password page, which names the reason', async () => {
    const cookie = sessionCookieOf(await loginResponse(app.url, 'nanchang', DEMO_PASSWORD));
    expect((await clientWithCookie(app.url, 'nanchang', cookie).get(api.list('ProcurementUnit'))).body.code).toBe(
      'password_change_required',
    );
    const html = await (await fetch(`${app.url}/admin/password`, { headers: { cookie, accept: 'text/html' } })).text();
    expect(html).toContain('data-forced="demo"');
    expect(html).toContain('您正在使用公开的演示密码');
  });

  it('may not be chosen again on the own page, whichever of the two', async () => {
    const cookie = sessionCookieOf(await loginResponse(app.url, 'ganzhou', DEMO_PASSWORD));
    for (const demo of [DEMO_PASSWORD, PRODUCTION.DEMO_PASSWORD]) {
      const { status, body } = await changeOwn(cookie, DEMO_PASSWORD, demo);
      expect([status, body.message]).toEqual([400, DEMO_REFUSED]);
    }
    const changed = await changeOwn(cookie, DEMO_PASSWORD, 'Ganjiang#Bridge5');
    expect(changed.status).toBe(200);
    expect((await clientWithCookie(app.url, 'ganzhou', changed.cookie).get(api.list('ProcurementUnit'))).status).toBe(200);
  });

  it("may not be set by an administrator, for a new user or another's reset", async () => {
    const signedIn = await login(app.url, 'admin', DEMO_PASSWORD);
    admin = clientWithCookie(app.url, 'admin', (await changeOwn(signedIn.cookie, DEMO_PASSWORD, 'Poyang@Lake2026')).cookie);
    const nanchangxian = (await SupervisorUser.findOne({ where: { username: 'nanchangxian' } }))!;
    for (const demo of [DEMO_PASSWORD, PRODUCTION.DEMO_PASSWORD]) {
      const created = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
        username: 'yanshi',
        displayName: '演示',
        role: 'county',
        regionCode: '360121',
        password: demo,
      });
      expect(created.body.record.errors.password.message).toBe(DEMO_REFUSED);
      const reset = await admin.post(api.record('SupervisorUser', nanchangxian.id, 'edit'), { password: demo });
      expect(reset.body.record.errors.password.message).toBe(DEMO_REFUSED);
    }
    expect(await SupervisorUser.count({ where: { username: 'yanshi' } })).toBe(0);
    expect((await SupervisorUser.findByPk(nanchangxian.id))!.passwordHash).toBe(nanchangxian.passwordHash);
  });

  it('may not be typed into admin:create in production either', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-admin-prod-'));
    const file = path.join(scratch, 'password.txt');
    fs.writeFileSync(file, `${DEMO_PASSWORD}\n`, { mode: 0o600 });
    const { NODE_OPTIONS: _jestFlags, ...environment } = process.env;
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'tools/admin-create.ts', '--username', 'chief', '--display-name', '总管', '--password-file', file],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...environment, ...PRODUCTION, LOG_LEVEL: 'silent', DATA_DIR: scratch, DATABASE_URL: app.env.DATABASE_URL },
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`密码不符合要求：${DEMO_REFUSED}`);
    expect(await SupervisorUser.count({ where: { username: 'chief' } })).toBe(0);
  }, 60_000);
});
