import type { LoginLimits } from '../domain/login-delay.js';
import type { PasswordPolicy } from '../domain/user-rules.js';
import { env, type Env } from './env.js';
import { passwordPolicyFor } from './password-policy.js';

/** What every account is held to: its passwords (config/password-policy.yaml) and its failed logins (LOGIN_*). */
export interface AccountPolicy {
  password: PasswordPolicy;
  login: LoginLimits;
}

export function accountPolicyOf(source: Env): AccountPolicy {
  return {
    password: passwordPolicyFor(source),
    login: { maxFailures: source.LOGIN_MAX_FAILURES, windowMinutes: source.LOGIN_WINDOW_MINUTES },
  };
}

let current: AccountPolicy | undefined;

/**
 * The policy of the web this process serves, set once at its start from its own environment: the panel's forms and
 * actions check with it (a test's web in production mode is not the test process's environment). A process that set
 * none (a CLI) takes its own environment's.
 */
export function useAccountPolicy(policy: AccountPolicy | undefined): void {
  current = policy;
}

export function accountPolicy(): AccountPolicy {
  current ??= accountPolicyOf(env());
  return current;
}
