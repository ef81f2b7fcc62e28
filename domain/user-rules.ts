/**
 * What makes a supervisor account possible: a role that fits its region, a username that login can find, and a
 * password that is not the first one a guesser tries.
 */
import { COMMON_PASSWORD_WORDS, COMMON_PASSWORDS } from './common-passwords.js';
import type { RegionLevel, Role } from './jurisdiction.js';

const ROLE_LEVEL: Record<Role, RegionLevel> = {
  admin: 'province',
  security: 'province',
  auditor: 'province',
  province: 'province',
  gongguanban: 'province',
  city: 'city',
  county: 'county',
};

/** What the panel calls each role, in the order of ROLES. */
export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  security: '安全管理员',
  auditor: '审计管理员',
  province: '省采购监管处',
  city: '市采购办',
  county: '县区采购办',
  gongguanban: '省公管办',
};

const LEVEL_RULE: Record<RegionLevel, string> = {
  province: '所属辖区须为江西省（360000）',
  city: '所属辖区须为设区市（如 360100 南昌市）',
  county: '所属辖区须为县（市、区）（如 360121 南昌县）',
};

/**
 * Why `role` cannot work in a region of `regionLevel` (null: it can). Such a user would either see nothing or act for
 * a region that no office of that role runs: canAct and the jurisdiction filter assume the pair agrees.
 */
export function roleRegionMismatch(role: unknown, regionLevel: RegionLevel | null): string | null {
  if (typeof role !== 'string' || !(role in ROLE_LEVEL)) return '角色无效';
  if (regionLevel === null) return '所属辖区不是有效的江西省行政区划代码';
  const wanted = ROLE_LEVEL[role as Role];
  return wanted === regionLevel ? null : `角色“${ROLE_NAMES[role as Role]}”的${LEVEL_RULE[wanted]}`;
}

/** The username as login looks it up (http/auth.ts `authenticate` trims and lower-cases what is typed). */
export function normaliseUsername(raw: unknown): string {
  return String(raw ?? '')
    .trim()
    .toLowerCase();
}

/**
 * What a password must be (config/password-policy.yaml, settings/password-policy.ts): GB/T 22239-2019 8.1.4.1 a asks
 * for complexity and regular change. `refused` holds passwords no account may have whatever else they pass: in
 * production the demo password, which this repository publishes.
 */
export interface PasswordPolicy {
  minLength: number;
  /** Of the four classes: upper case, lower case, digits, symbols. */
  minClasses: number;
  /** The account's last N passwords, its current one included, may not come back. */
  history: number;
  /** Days a password lasts before its user must change it at their next login; 0: it never expires. */
  maxAgeDays: number;
  refused: readonly string[];
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3, history: 5, maxAgeDays: 90, refused: [] };

// Argon2 itself has no limit; this only keeps a pasted document from being hashed on every login.
export const PASSWORD_MAX_LENGTH = 72;

const CLASS_NAMES = '大写字母、小写字母、数字、符号';

/** The rules as a form lists them under the new password, in the order they are checked. */
export function passwordRules(policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string[] {
  return [
    `至少 ${policy.minLength} 位，最多 ${PASSWORD_MAX_LENGTH} 位`,
    `包含${CLASS_NAMES}中的至少 ${policy.minClasses} 类`,
    '不能包含用户名，不能是常见密码',
    `不能与最近 ${policy.history} 次使用过的密码相同`,
    ...(policy.maxAgeDays ? [`每 ${policy.maxAgeDays} 天须更换一次`] : []),
  ];
}

export const passwordHistoryRule = (policy: PasswordPolicy): string =>
  policy.history > 1 ? `新密码不能与最近 ${policy.history} 次使用过的密码相同` : '新密码不能与当前密码相同';

const CHARACTER_CLASSES = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/];

// Letters a guesser substitutes back before trying the dictionary (P@ssw0rd → password).
const LOOK_ALIKES: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

const stripEnds = (text: string): string => text.replace(/^[^a-z]+|[^a-z]+$/g, '');
const unmask = (text: string): string => [...text].map((c) => LOOK_ALIKES[c] ?? c).join('');

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // The word left once the digits and symbols people add at either end to pass a class rule are taken off.
  const cores = new Set([stripEnds(lower), unmask(stripEnds(lower)), stripEnds(unmask(lower))]);
  return COMMON_PASSWORD_WORDS.some((word) => cores.has(word));
}

/**
 * Why `password` may not be the password of `username` under `policy` (null: it may), in the words the form shows:
 * each names the rule that failed. The account's earlier passwords are checked apart (services/password-change.ts):
 * that needs their hashes.
 */
export function passwordWeakness(password: string, username: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  const length = [...password].length;
  if (length < policy.minLength) return `密码至少 ${policy.minLength} 位（现为 ${length} 位）`;
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (policy.refused.includes(password)) return '不能使用演示密码：它随本系统的文档公开，生产环境中任何账号都不得使用';
  const name = normaliseUsername(username);
  if (name && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  if (isCommon(password)) return '密码过于常见（如 password1、qwerty123），容易被猜中，请另设一个';
  const classes = CHARACTER_CLASSES.filter((c) => c.test(password)).length;
  if (classes < policy.minClasses) return `密码只含 ${classes} 类字符，须包含${CLASS_NAMES}中的至少 ${policy.minClasses} 类`;
  return null;
}
