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

export const PASSWORD_MIN_LENGTH = 8;
// Argon2 itself has no limit; this only keeps a pasted document from being hashed on every login.
export const PASSWORD_MAX_LENGTH = 72;

export const PASSWORD_CLASS_RULE = `密码至少 ${PASSWORD_MIN_LENGTH} 位，须包含大写字母、小写字母、数字、符号中的至少 3 类`;

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

/** Why `password` may not be the password of `username` (null: it may), in the words the form shows. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return PASSWORD_CLASS_RULE;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  const name = normaliseUsername(username);
  if (name && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  if (isCommon(password)) return '密码过于常见（如 password1、qwerty123），容易被猜中，请另设一个';
  if (CHARACTER_CLASSES.filter((c) => c.test(password)).length < 3) return PASSWORD_CLASS_RULE;
  return null;
}
