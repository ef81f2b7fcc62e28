/**
 * How failed logins slow a lane down (http/auth.ts): nothing up to the limit, then a wait after each failure that
 * doubles, at most the window. A lane is an account from any untrusted client, or one trusted browser of it.
 */
export interface LoginLimits {
  maxFailures: number;
  windowMinutes: number;
}

/** The first wait after the limit; each further failure doubles it, up to the window. */
export const LOGIN_DELAY_BASE_MS = 1000;
/** Failures from one address (a whole office behind one NAT) before its answers are slowed. */
export const IP_FAILURE_FACTOR = 4;

/** How long after its last failure a lane (an account from untrusted browsers, or one trusted browser) must wait. */
export function loginDelayMs(failures: number, limits: LoginLimits): number {
  if (failures < limits.maxFailures) return 0;
  return Math.min(LOGIN_DELAY_BASE_MS * 2 ** (failures - limits.maxFailures), limits.windowMinutes * 60_000);
}
