import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import argon2 from 'argon2';
import type { Sequelize } from 'sequelize';
import { passwordWeakness } from '../../domain/user-rules.js';
import { createMigrator, migrateToLatest } from '../../migrations/migrator.js';
import { createSequelize } from '../../db/database.js';
import { ArgsError, parseAdminCreateArgs } from '../../tools/admin-create-args.js';
import {
  api,
  clientWithCookie,
  freshDatabaseUrl,
  login,
  loginChoosingPassword,
  loginResponse,
  sessionCookieOf,
  startTestApp,
} from '../support/test-app.js';
import { runTool, type ToolOutcome } from '../support/run-tool.js';

/** Issue #23 item 8: `npm run admin:create` makes the first administrator of a production database, audited. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-admin-cli-'));
const PASSWORD = 'Lantern#Ridge47';
const NEW_PASSWORD = 'Harbor!Stone58';
/** What the administrator chooses at their first login, in place of the password the operator typed. */
const CHOSEN = 'Meadow%Lark63';

type Outcome = ToolOutcome;

/** The CLI as an operator runs it: its own process, stdin not a terminal, the database named in the environment. */
const cli = (args: string[], databaseUrl: string): Promise<Outcome> =>
  runTool('tools/admin-create.ts', args, { DATA_DIR: scratch, DATABASE_URL: databaseUrl });

let fileCount = 0;
function passwordFile(content: string): string {
  const file = path.join(scratch, `password-${++fileCount}.txt`);
  fs.writeFileSync(file, content, { mode: 0o600 });
  return file;
}

let url: string;
let db: Sequelize;
const outcomes: Outcome[] = [];
async function run(args: string[], databaseUrl = url): Promise<Outcome> {
  const outcome = await cli(args, databaseUrl);
  outcomes.push(outcome);
  return outcome;
}

async function rows<T>(sql: string, bind: unknown[] = []): Promise<T[]> {
  const [result] = await db.query(sql, { bind });
  return result as T[];
}
type UserRow = {
  id: number;
  username: string;
  display_name: string;
  role: string;
  region_code: string;
  password_hash: string;
  rights_version: number;
  password_change_due: string | null;
};
const users = () => rows<UserRow>('SELECT * FROM supervisor_users ORDER BY id');
const userNamed = async (username: string) => (await rows<UserRow>('SELECT * FROM supervisor_users WHERE username = $1', [username]))[0];
type AuditRow = {
  action: string;
  actor_id: number | null;
  actor_username: string;
  actor_role: string;
  record_id: string | null;
  region_code: string | null;
  changes: string | null;
  reason: string | null;
};
const audits = () => rows<AuditRow>('SELECT * FROM audit_logs ORDER BY id');

beforeAll(async () => {
  url = await freshDatabaseUrl();
  db = createSequelize(url);
});
afterAll(async () => {
  await db.close();
});

describe('admin:create arguments', () => {
  it('takes --name value and --name=value, refuses the unknown, the repeated and the empty', () => {
    expect(parseAdminCreateArgs(['--username', 'chief', '--display-name=总管', '--password-file', '/run/pw', '--reset-password'])).toEqual({
      username: 'chief',
      displayName: '总管',
      passwordFile: '/run/pw',
      resetPassword: true,
      help: false,
    });
    expect(parseAdminCreateArgs([])).toEqual({ resetPassword: false, help: false });
    expect(() => parseAdminCreateArgs(['--password', 'x'])).toThrow(new ArgsError('不认识的参数“--password”'));
    expect(() => parseAdminCreateArgs(['--username'])).toThrow('参数 --username 缺少取值');
    expect(() => parseAdminCreateArgs(['--username', '--reset-password'])).toThrow('参数 --username 缺少取值');
    expect(() => parseAdminCreateArgs(['--username', 'a', '--username=b'])).toThrow('参数 --username 重复给出');
  });

  it('takes one of the three administrators’ roles (三员分立), nothing else', () => {
    expect(parseAdminCreateArgs(['--role', 'security']).role).toBe('security');
    expect(parseAdminCreateArgs(['--role=auditor']).role).toBe('auditor');
    for (const role of ['county', 'boss', 'Admin'])
      expect(() => parseAdminCreateArgs(['--role', role])).toThrow(`参数 --role 的取值“${role}”无效，可用：admin、security、auditor`);
  });
});

describe('admin:create scripts', () => {
  it('admin:create runs the source, admin:create:dist the file npm run build compiles it to', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['admin:create']).toBe('tsx tools/admin-create.ts');
    expect(scripts['admin:create:dist']).toBe('node dist/tools/admin-create.js');
    const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
      compilerOptions: { outDir: string; rootDir: string };
    };
    expect(build.include).toContain('tools');
    expect(build.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' });
  });
});

describe('npm run admin:create', () => {
  it('refuses a database that is not migrated, and tells the operator to run npm run migrate', async () => {
    const file = passwordFile(`${PASSWORD}\n`);
    // An empty database: PostgreSQL without tables, or a SQLite file that is not there (and is not created).
    const empty = await run(['--username', 'chief', '--display-name', '总管', '--password-file', file]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('npm run migrate');
    if (url.startsWith('sqlite:')) expect(fs.existsSync(url.slice('sqlite:'.length))).toBe(false);

    // Migrated, but not to this build's latest.
    const partialUrl = `sqlite:${path.join(scratch, 'partial.sqlite')}`;
    const partial = createSequelize(partialUrl);
    try {
      await createMigrator(partial).up({ to: '0009-list-indexes' });
      const behind = await run(['--username', 'chief', '--display-name', '总管', '--password-file', file], partialUrl);
      expect(behind.code).toBe(1);
      expect(behind.stderr).toContain('0010-session-rights');
      expect(behind.stderr).toContain('npm run migrate');
      const [count] = await partial.query('SELECT COUNT(*) AS n FROM supervisor_users');
      expect(Number((count as Array<{ n: number }>)[0]!.n)).toBe(0);
    } finally {
      await partial.close();
    }
    await migrateToLatest(db);
  });

  it("refuses a weak password with the rule's words: exit 1, nothing written", async () => {
    // Refusals write nothing, so the processes run side by side.
    const weak = ['password1', 'Chief#2026x', 'abcdefgh9'];
    const refused = await Promise.all(
      weak.map((password) => run(['--username', 'chief', '--display-name', '总管', '--password-file', passwordFile(`${password}\n`)])),
    );
    expect(refused).toHaveLength(weak.length);
    refused.forEach((outcome, i) => {
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(passwordWeakness(weak[i]!, 'chief')!);
    });
    expect(await users()).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it('without a terminal, a missing option is refused naming it', async () => {
    const [noName, noPassword, noFile] = await Promise.all([
      run(['--username', 'chief', '--password-file', passwordFile(`${PASSWORD}\n`)]),
      run(['--username', 'chief', '--display-name', '总管']),
      run(['--username', 'chief', '--display-name', '总管', '--password-file', path.join(scratch, 'absent.txt')]),
    ]);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toContain('缺少参数 --display-name');
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('--password-file');
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain('无法读取密码文件');
    expect(await users()).toEqual([]);
  });

  it('creates an administrator of 360000 from the first line of a password file, username normalised, audited', async () => {
    const outcome = await run([
      '--username',
      '  Chief ',
      '--display-name',
      '总管',
      '--password-file',
      passwordFile(`${PASSWORD}\r\nsecond line is ignored\n`),
    ]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('已创建系统管理员 chief');
    const [user] = await users();
    expect(user).toMatchObject({ username: 'chief', display_name: '总管', role: 'admin', region_code: '360000' });
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(user!.password_hash, PASSWORD)).toBe(true);
    // Typed by an operator: the administrator replaces it at their first login.
    expect(user!.password_change_due).toBe('initial');

    const [audit] = await audits();
    expect(audit).toMatchObject({
      action: 'adminCreated',
      actor_id: null,
      actor_username: 'system',
      actor_role: 'system',
      record_id: String(user!.id),
      region_code: '360000',
    });
    expect(JSON.parse(audit!.changes!)).toEqual({
      username: { before: null, after: 'chief' },
      role: { before: null, after: 'admin' },
      regionCode: { before: null, after: '360000' },
    });
  });

  it('refuses a username that exists, however it is typed: exit 1, nothing written', async () => {
    const before = { users: await users(), audits: await audits() };
    const outcome = await run(['--username', 'CHIEF', '--display-name', '另一个', '--password-file', passwordFile(`${NEW_PASSWORD}\n`)]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('已存在');
    expect(outcome.stderr).toContain('--reset-password');
    expect({ users: await users(), audits: await audits() }).toEqual(before);
  });

  describe('with the panel running on the same database', () => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    beforeAll(async () => {
      app = await startTestApp({ DATABASE_URL: url });
    });
    afterAll(async () => {
      await app.stop();
    });

    it('the new administrator signs in over HTTP, replaces the password the operator typed, and then sees the users', async () => {
      const chief = await login(app.url, 'chief', PASSWORD);
      expect((await chief.get(api.list('SupervisorUser'))).body.code).toBe('password_change_required');
      const own = await loginChoosingPassword(app.url, 'chief', PASSWORD, CHOSEN);
      expect((await own.get(api.list('SupervisorUser'))).status).toBe(200);
    });

    it('--reset-password sets a new password for that admin, ends their sessions, and is audited', async () => {
      const signedIn = sessionCookieOf(await loginResponse(app.url, 'chief', CHOSEN));
      const { id, rights_version: version } = (await userNamed('chief'))!;
      const outcome = await run(['--username', 'chief', '--reset-password', '--password-file', passwordFile(`${NEW_PASSWORD}\n`)]);
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('重设密码');

      const user = (await userNamed('chief'))!;
      expect(user.id).toBe(id);
      expect(user.rights_version).toBeGreaterThan(version);
      expect((await clientWithCookie(app.url, 'chief', signedIn).get(api.list('SupervisorUser'))).status).toBe(302);
      expect((await loginResponse(app.url, 'chief', CHOSEN)).status).toBe(200);
      expect(user.password_change_due).toBe('reset');
      const reset = await login(app.url, 'chief', NEW_PASSWORD);
      expect((await reset.get(api.list('SupervisorUser'))).body.code).toBe('password_change_required');
      const chosenAgain = 'Orchard&Finch74';
      expect(
        (await (await loginChoosingPassword(app.url, 'chief', NEW_PASSWORD, chosenAgain)).get(api.list('SupervisorUser'))).status,
      ).toBe(200);

      // The last but one: the administrator's own change of the reset password follows it.
      const audit = (await audits()).filter((a) => a.action === 'adminPasswordReset').at(-1)!;
      expect(audit).toMatchObject({ action: 'adminPasswordReset', actor_id: null, record_id: String(id), region_code: '360000' });
      expect(JSON.parse(audit.changes!)).toEqual({
        username: { before: 'chief', after: 'chief' },
        role: { before: 'admin', after: 'admin' },
        regionCode: { before: '360000', after: '360000' },
      });
    });

    it('--reset-password refuses a user who is not an administrator, and one who does not exist', async () => {
      const nanchang = (await userNamed('nanchang'))!;
      const before = (await audits()).length;
      const [notAdmin, nobody] = await Promise.all(
        ['nanchang', 'nobody'].map((username) =>
          run(['--username', username, '--reset-password', '--password-file', passwordFile(`${NEW_PASSWORD}\n`)]),
        ),
      );
      expect(notAdmin!.code).toBe(1);
      expect(notAdmin!.stderr).toContain('不是管理员（系统管理员、安全管理员、审计管理员）');
      expect((await userNamed('nanchang'))!.password_hash).toBe(nanchang.password_hash);
      expect(nobody!.code).toBe(1);
      expect(nobody!.stderr).toContain('不存在');
      expect((await audits()).length).toBe(before);
    });

    it('--role makes the first security and audit administrators, each reaching their own duty', async () => {
      for (const [username, role, resource, name] of [
        ['anquan', 'security', 'RoleGrant', '安全管理员'],
        ['shenji', 'auditor', 'AuditLog', '审计管理员'],
      ] as const) {
        const outcome = await run([
          '--username',
          username,
          '--display-name',
          name,
          '--role',
          role,
          '--password-file',
          passwordFile(`${PASSWORD}\n`),
        ]);
        expect(outcome.stderr).toBe('');
        expect(outcome.stdout).toContain(`已创建${name} ${username}`);
        expect(await userNamed(username)).toMatchObject({ role, region_code: '360000' });
        const audit = (await audits()).at(-1)!;
        expect(audit).toMatchObject({
          action: 'adminCreated',
          actor_username: 'system',
          record_id: String((await userNamed(username))!.id),
        });
        expect(JSON.parse(audit.changes!).role).toEqual({ before: null, after: role });
        const client = await loginChoosingPassword(app.url, username, PASSWORD);
        expect((await client.get(api.list(resource))).status).toBe(200);
        expect((await client.get(api.list('SupervisorUser'))).body.record.baseError.type).toBe('ForbiddenError');
      }
    });

    it('--reset-password keeps an administrator’s role: a --role that is not theirs is refused', async () => {
      const hash = (await userNamed('anquan'))!.password_hash;
      const before = (await audits()).length;
      const outcome = await run([
        '--username',
        'anquan',
        '--reset-password',
        '--role',
        'admin',
        '--password-file',
        passwordFile(`${NEW_PASSWORD}\n`),
      ]);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('用户 anquan 是安全管理员，不是系统管理员');
      expect((await userNamed('anquan'))!.password_hash).toBe(hash);
      expect((await audits()).length).toBe(before);
    });

    it('a weak new password is refused on reset too, and so is one of the last five; the old one keeps working', async () => {
      const hash = (await userNamed('chief'))!.password_hash;
      const [outcome, recent] = await Promise.all(
        ['qwerty123', CHOSEN].map((password) =>
          run(['--username', 'chief', '--reset-password', '--password-file', passwordFile(`${password}\n`)]),
        ),
      );
      expect(outcome!.code).toBe(1);
      expect(outcome!.stderr).toContain(passwordWeakness('qwerty123', 'chief')!);
      expect(recent!.code).toBe(1);
      expect(recent!.stderr).toContain('新密码不能与最近 5 次使用过的密码相同');
      expect((await userNamed('chief'))!.password_hash).toBe(hash);
    });
  });

  it('no password and no hash in any audit row or anything the command printed', async () => {
    const hashes = (await users()).map((u) => u.password_hash);
    const audited = (await audits()).filter((a) => a.action.startsWith('admin'));
    expect(audited.map((a) => a.action)).toEqual(['adminCreated', 'adminPasswordReset', 'adminCreated', 'adminCreated']);
    const secrets = [PASSWORD, NEW_PASSWORD, CHOSEN, '$argon2', ...hashes];
    for (const text of [...audited.map((a) => `${a.changes} ${a.reason}`), ...outcomes.map((o) => o.stdout + o.stderr)]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
