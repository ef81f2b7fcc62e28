import { ADMINISTRATOR_ROLES, type AdministratorRole } from '../domain/jurisdiction.js';

/** What `npm run admin:create` was asked for: pure parsing of its arguments, no prompt, no database. */
export interface AdminCreateArgs {
  username?: string;
  displayName?: string;
  /** Which of the three administrators (三员分立); `admin` when not given. */
  role?: AdministratorRole;
  passwordFile?: string;
  resetPassword: boolean;
  help: boolean;
}

export const ADMIN_CREATE_USAGE = `用法: npm run admin:create -- [--username 用户名] [--display-name 名称] [--role 角色] [--password-file 文件] [--reset-password]
  （构建后: npm run admin:create:dist -- …）
  创建管理员（辖区 360000 江西省），并写入审计日志。
  --username NAME        用户名（小写字母、数字、_ . -，3–50 位；大写会转为小写）
  --role ROLE            admin 系统管理员（默认）、security 安全管理员或 auditor 审计管理员；三员分立，各用一个账号
  --display-name 名称    显示名称（新建时需要）
  --password-file PATH   从文件第一行读取密码（供自动化使用）；不给时在终端输入两次（不回显）
  --reset-password       为已存在的管理员（三种管理员之一）重设密码（不能用于业务用户；给出 --role 时须与其角色一致）
  缺少的用户名、显示名称和密码在终端中会提示输入；标准输入不是终端时必须以参数给出。`;

export class ArgsError extends Error {}

const VALUE_OPTIONS = {
  '--username': 'username',
  '--display-name': 'displayName',
  '--password-file': 'passwordFile',
  '--role': 'role',
} as const;

/** Accepts `--name value` and `--name=value`; an unknown option, a missing value or a repeated option is refused. */
export function parseAdminCreateArgs(argv: readonly string[]): AdminCreateArgs {
  const args: AdminCreateArgs = { resetPassword: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--reset-password') {
      args.resetPassword = true;
      continue;
    }
    if (word === '--help' || word === '-h') {
      args.help = true;
      continue;
    }
    const [name, inline] =
      word.startsWith('--') && word.includes('=')
        ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]
        : [word, undefined];
    if (!(name in VALUE_OPTIONS)) throw new ArgsError(`不认识的参数“${word}”`);
    const key = VALUE_OPTIONS[name as keyof typeof VALUE_OPTIONS];
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new ArgsError(`参数 ${name} 缺少取值`);
    if (args[key] !== undefined) throw new ArgsError(`参数 ${name} 重复给出`);
    if (key === 'role') {
      if (!(ADMINISTRATOR_ROLES as readonly string[]).includes(value))
        throw new ArgsError(`参数 --role 的取值“${value}”无效，可用：${ADMINISTRATOR_ROLES.join('、')}`);
      args.role = value as AdministratorRole;
      continue;
    }
    args[key] = value;
  }
  return args;
}
