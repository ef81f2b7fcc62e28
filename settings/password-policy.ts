import { z } from 'zod';
import type { PasswordPolicy } from '../domain/user-rules.js';
import { readConfigFile } from './config-file.js';
import { DEFAULT_DEMO_PASSWORD, type Env } from './env.js';

export const PASSWORD_POLICY_FILE = new URL('../config/password-policy.yaml', import.meta.url);

const count = (min: number, max: number, what: string) =>
  z
    .number({ error: `应为 ${min}–${max} 的整数（${what}）` })
    .int(`应为整数（${what}）`)
    .min(min, `不能小于 ${min}（${what}）`)
    .max(max, `不能大于 ${max}（${what}）`);

const schema = z
  .object({
    minLength: count(8, 64, '最短长度，等保要求不少于 8 位'),
    minClasses: count(3, 4, '四类字符中至少几类'),
    history: count(1, 24, '不能与最近几次的密码相同，含当前密码'),
    maxAgeDays: count(0, 3650, '密码有效期天数，0 为不过期'),
  })
  .strict();

export type PasswordRules = Omit<PasswordPolicy, 'refused'>;

/** Reads config/password-policy.yaml; a mistake stops start-up naming the file, the place and what is expected. */
export function loadPasswordRules(file: URL | string = PASSWORD_POLICY_FILE): PasswordRules {
  return readConfigFile(file, typeof file === 'string' ? file : 'config/password-policy.yaml', schema);
}

let cached: PasswordRules | undefined;
export function passwordRules(): PasswordRules {
  cached ??= loadPasswordRules();
  return cached;
}

/**
 * The file's rules as they apply in this environment: in production the demo password is refused too, both the one
 * `DEMO_PASSWORD` names and its default, which the README publishes.
 */
export function passwordPolicyFor(env: Pick<Env, 'NODE_ENV' | 'DEMO_PASSWORD'>, rules: PasswordRules = passwordRules()): PasswordPolicy {
  const refused = env.NODE_ENV === 'production' ? [...new Set([env.DEMO_PASSWORD, DEFAULT_DEMO_PASSWORD])] : [];
  return { ...rules, refused };
}
