/**
 * `npm run admin:create` (`admin:create:dist` from the built form): the first administrators of a production
 * database, where no demo users are ever seeded — a system, a security and an audit administrator (`--role`, 三员分立:
 * after them the security administrator creates administrators in the panel) — or a new password for an administrator
 * who lost theirs. The password
 * is typed twice at the terminal without echo or read from the first line of `--password-file`; it passes the same
 * policy as a password set in the panel (config/password-policy.yaml, the account's last passwords), is hashed like
 * one, is never printed, and, set by an operator, is the administrator's to replace at their first login. Every
 * account it creates or resets
 * is written to the audit log, as the operating-system user who ran it, without the password or its hash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { UniqueConstraintError, ValidationError, type Sequelize } from 'sequelize';
import { recordAudit, type FieldChanges } from '../services/audit.js';
import { isAdministratorRole, PROVINCE_CODE } from '../domain/jurisdiction.js';
import { normaliseUsername, ROLE_NAMES } from '../domain/user-rules.js';
import { createMigrator } from '../migrations/migrator.js';
import { initModels, Region, SupervisorUser } from '../db/models.js';
import { JIANGXI_REGIONS } from '../seeds/demo.js';
import { createSequelize, dialectOf } from '../db/database.js';
import { env } from '../settings/env.js';
import { newPasswordFields, passwordRefusal } from '../services/password-change.js';
import { passwordPolicyFor } from '../settings/password-policy.js';
import { ADMIN_CREATE_USAGE, ArgsError, parseAdminCreateArgs, type AdminCreateArgs } from './admin-create-args.js';
import { ConfigError } from '../settings/config-error.js';

const DEFAULT_ROLE = 'admin' as const;
const REGION = PROVINCE_CODE;
const RESOURCE_ID = 'SupervisorUser';
const DISPLAY_NAME_MAX = 50;

/** A refusal the operator reads: one Chinese sentence on stderr, nothing written, this exit code. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const NOT_MIGRATED = '数据库尚未迁移：请先运行 npm run migrate（生产环境在每次发布后运行一次），再创建管理员';

const interactive = (): boolean => Boolean(process.stdin.isTTY);

/** One line from the terminal; `hidden` echoes nothing (not even asterisks), for a password. */
function ask(question: string, { hidden = false } = {}): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    let answered = false;
    const cancel = () => {
      if (answered) return;
      answered = true;
      rl.close();
      process.stderr.write('\n');
      reject(new Refusal('已取消，未作任何修改', 130));
    };
    rl.on('SIGINT', cancel);
    rl.on('close', cancel);
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

/** A value the arguments left out: asked at a terminal, refused (naming the option) when nobody can type it. */
async function missing(option: string, question: string): Promise<string> {
  if (!interactive()) throw new Refusal(`缺少参数 ${option}：标准输入不是终端，无法提示输入，请以参数给出`);
  return ask(question);
}

function readPasswordFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Refusal(`无法读取密码文件 ${file}${code === 'ENOENT' ? '：文件不存在' : code === 'EACCES' ? '：没有读取权限' : ''}`);
  }
  const first = text.split('\n', 1)[0]!.replace(/\r$/, '');
  if (!first) throw new Refusal(`密码文件 ${file} 的第一行为空`);
  return first;
}

async function passwordOf(args: AdminCreateArgs): Promise<string> {
  if (args.passwordFile !== undefined) return readPasswordFile(args.passwordFile);
  if (!interactive())
    throw new Refusal('缺少参数 --password-file：标准输入不是终端，无法输入密码（自动化请用 --password-file 文件，密码在其第一行）');
  const first = await ask('密码（不回显）: ', { hidden: true });
  const second = await ask('再次输入密码: ', { hidden: true });
  if (first !== second) throw new Refusal('两次输入的密码不一致，未作任何修改');
  return first;
}

/** Refuses a database this build would not run on: not there, never migrated, or behind on migrations. */
async function requireMigrated(sequelize: Sequelize): Promise<void> {
  const qi = sequelize.getQueryInterface();
  if (!(await qi.tableExists('supervisor_users')) || !(await qi.tableExists('schema_migrations'))) throw new Refusal(NOT_MIGRATED);
  const pending = await createMigrator(sequelize).pending();
  if (pending.length) {
    throw new Refusal(
      `数据库迁移未完成（待执行 ${pending.length} 项：${pending.map((m) => m.name).join('、')}）：请先运行 npm run migrate，再创建管理员`,
    );
  }
}

/** The model's own rule for a username (format, length), in its words; checked before a password is asked for. */
async function requireValidUsername(username: string): Promise<void> {
  try {
    await SupervisorUser.build({ username, displayName: username, role: DEFAULT_ROLE, regionCode: REGION, passwordHash: '-' }).validate({
      fields: ['username'],
    });
  } catch (error) {
    if (error instanceof ValidationError) throw new Refusal(`用户名“${username}”无效：${error.errors[0]?.message ?? error.message}`);
    throw error;
  }
}

/** Who ran the command, for the audit log's reason: the log has no signed-in user to name. */
function operator(): string {
  let user = process.env.USER ?? 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    /* no passwd entry in some containers */
  }
  return `${user}@${os.hostname()}`;
}

const listed = (user: Pick<SupervisorUser, 'username' | 'role' | 'regionCode'>, before: 'same' | 'none'): FieldChanges =>
  Object.fromEntries(
    (['username', 'role', 'regionCode'] as const).map((field) => [
      field,
      { before: before === 'same' ? user[field] : null, after: user[field] },
    ]),
  );

async function run(args: AdminCreateArgs): Promise<string> {
  const { DATABASE_URL } = env();
  if (dialectOf(DATABASE_URL) === 'sqlite') {
    const storage = DATABASE_URL.slice('sqlite:'.length);
    if (storage !== ':memory:' && !fs.existsSync(path.resolve(storage))) throw new Refusal(`数据库文件 ${storage} 不存在。${NOT_MIGRATED}`);
  }
  const sequelize = createSequelize(DATABASE_URL, { poolMax: 2 });
  try {
    initModels(sequelize);
    try {
      await requireMigrated(sequelize);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal(`无法连接数据库（DATABASE_URL）：${(error as Error).message}`);
    }

    const username = normaliseUsername(args.username ?? (await missing('--username', '用户名: ')));
    if (!username) throw new Refusal('用户名不能为空');
    await requireValidUsername(username);
    const existing = await SupervisorUser.findOne({ where: { username } });
    const role = args.resetPassword && existing ? existing.role : (args.role ?? DEFAULT_ROLE);
    const roleName = ROLE_NAMES[role];
    if (args.resetPassword) {
      if (!existing) throw new Refusal(`用户 ${username} 不存在，无法重设密码；新建管理员请去掉 --reset-password`);
      if (!isAdministratorRole(existing.role))
        throw new Refusal(
          `用户 ${username} 不是管理员（系统管理员、安全管理员、审计管理员），本命令只为管理员重设密码；业务用户的密码由系统管理员在“系统管理 → 监管用户”中修改`,
        );
      if (args.role && args.role !== existing.role)
        throw new Refusal(`用户 ${username} 是${roleName}，不是${ROLE_NAMES[args.role]}；管理员账号的角色不能更改，未作任何修改`);
    } else if (existing) {
      throw new Refusal(`用户名 ${username} 已存在，未作任何修改；如需为该管理员重设密码，请加 --reset-password`);
    }

    let displayName = '';
    if (!args.resetPassword) {
      displayName = (args.displayName ?? (await missing('--display-name', '显示名称: '))).trim();
      if (!displayName) throw new Refusal('显示名称不能为空');
      if ([...displayName].length > DISPLAY_NAME_MAX) throw new Refusal(`显示名称不能超过 ${DISPLAY_NAME_MAX} 个字`);
    }

    const password = await passwordOf(args);
    // The panel's policy, history included; the administrator replaces what the operator typed at their first login.
    const refusal = await passwordRefusal(password, { username, id: existing?.id }, passwordPolicyFor(env()));
    if (refusal) throw new Refusal(`密码不符合要求：${refusal}。未作任何修改`);
    const passwordFields = await newPasswordFields(password, existing ? 'reset' : 'initial');
    const reason = `命令行 admin:create${args.resetPassword ? ' --reset-password' : ''}（操作系统用户 ${operator()}）`;

    if (existing) {
      await sequelize.transaction(async (transaction) => {
        // The rights hooks move the version on and end the admin's open sessions in this transaction.
        await existing.update(passwordFields, { transaction });
        await recordAudit(
          {
            user: null,
            action: 'adminPasswordReset',
            resourceId: RESOURCE_ID,
            recordId: existing.id,
            regionCode: existing.regionCode,
            changes: listed(existing, 'same'),
            reason,
          },
          transaction,
        );
      });
      const inactive = existing.active ? '' : '\n注意：该账号已停用，重设密码后仍不能登录，需由安全管理员在“系统管理 → 用户授权”中启用';
      return `已为${roleName} ${username}（用户 id ${existing.id}）重设密码，其已登录的会话均已结束；其下次登录时须先修改密码${inactive}`;
    }

    try {
      const created = await sequelize.transaction(async (transaction) => {
        // A production database has no region rows until the web's first start; the admin's region must exist.
        await Region.bulkCreate(JIANGXI_REGIONS, { ignoreDuplicates: true, transaction });
        const user = await SupervisorUser.create({ username, displayName, role, regionCode: REGION, ...passwordFields }, { transaction });
        await recordAudit(
          {
            user: null,
            action: 'adminCreated',
            resourceId: RESOURCE_ID,
            recordId: user.id,
            regionCode: REGION,
            changes: listed(user, 'none'),
            reason,
          },
          transaction,
        );
        return user;
      });
      return `已创建${roleName} ${username}（${displayName}，辖区 ${REGION} 江西省，用户 id ${created.id}），可在 /admin 登录，首次登录时须先修改密码`;
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw new Refusal(`用户名 ${username} 已存在，未作任何修改`);
      if (error instanceof ValidationError) throw new Refusal(`未能创建：${error.errors[0]?.message ?? error.message}`);
      throw error;
    }
  } finally {
    await sequelize.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseAdminCreateArgs(argv);
    if (args.help) {
      console.log(ADMIN_CREATE_USAGE);
      return 0;
    }
    console.log(await run(args));
    return 0;
  } catch (error) {
    if (error instanceof ArgsError) {
      console.error(`${error.message}\n${ADMIN_CREATE_USAGE}`);
      return 1;
    }
    if (error instanceof Refusal) {
      console.error(error.message);
      return error.exitCode;
    }
    // env() names a bad variable in one line; anything else is unexpected, and the password is in no message.
    console.error(error instanceof ConfigError ? error.message : `创建管理员失败：${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
