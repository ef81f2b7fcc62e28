import { setTimeout as sleep } from 'node:timers/promises';
import { normaliseUsername } from '../domain/user-rules.js';
import { col, fn, Op, type WhereOptions } from 'sequelize';
import { LoginAttempt, SupervisorUser } from '../db/models.js';
import { sessionUserFor } from '../services/session-user.js';
import type { LoginOutcome } from '../db/models/system/login-attempt.model.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import type { SameRights } from '../db/models/system/user-rights.js';
import { logger } from '../settings/logger.js';
import { hashNeedsUpgrade, hashPassword, verifyPassword } from '../services/password-hash.js';
import { auditLogin } from '../services/access-audit.js';

export interface LoginLimits {
  maxFailures: number;
  windowMinutes: number;
}

/** Where an attempt comes from: the address the balancer vouches for, and the trusted browser, if it is one. */
export interface LoginClient {
  ip: string;
  deviceId: string | null;
}

/** The first wait after the limit; each further failure doubles it, up to the window. */
export const LOGIN_DELAY_BASE_MS = 1000;
/** Failures from one address (a whole office behind one NAT) before its answers are slowed. */
export const IP_FAILURE_FACTOR = 4;

/** Thrown to show the login page's throttling message (a key of the locale's `messages`). */
export class LoginThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('loginThrottled');
  }
}

// A fixed hash to verify against when the user does not exist, so both cases take the same time.
const decoyHash = hashPassword('decoy-password-for-timing');

const FAILED: WhereOptions = {
  succeeded: false,
  [Op.or]: [{ outcome: null }, { outcome: { [Op.ne]: 'throttled' satisfies LoginOutcome } }],
};

async function failuresSince(where: WhereOptions, since: Date): Promise<{ count: number; last: Date | null }> {
  const [row] = (await LoginAttempt.findAll({
    attributes: [
      [fn('COUNT', col('id')), 'count'],
      [fn('MAX', col('created_at')), 'last'],
    ],
    where: { [Op.and]: [FAILED, where, { createdAt: { [Op.gte]: since } }] },
    raw: true,
  })) as unknown as Array<{ count: number | string; last: Date | string | null }>;
  return { count: Number(row?.count ?? 0), last: row?.last ? new Date(row.last) : null };
}

/** How long after its last failure a lane (an account from untrusted browsers, or one trusted browser) must wait. */
export function loginDelayMs(failures: number, limits: LoginLimits): number {
  if (failures < limits.maxFailures) return 0;
  return Math.min(LOGIN_DELAY_BASE_MS * 2 ** (failures - limits.maxFailures), limits.windowMinutes * 60_000);
}

/**
 * Checks a username and password, counting failures in the database so every web instance sees the same ones.
 *
 * No lock-out button: failures slow the account down (a growing wait after the limit) rather than shutting it, and
 * they are counted apart for each trusted browser (one the account signed in from before, http/trusted-device.ts)
 * and for all other clients together, so a guesser slows only themselves and the account's owner at their usual
 * browser is never held back. Many failures from one address slow that address's answers, but a right password for
 * an account that is not itself waiting still signs in: behind one NAT sits a whole office.
 */
export async function authenticate(
  usernameRaw: unknown,
  passwordRaw: unknown,
  client: LoginClient,
  limits: LoginLimits,
): Promise<SessionUser | null> {
  const username = normaliseUsername(String(usernameRaw ?? '')).slice(0, 100);
  const password = String(passwordRaw ?? '').slice(0, 200);
  const now = Date.now();
  const since = new Date(now - limits.windowMinutes * 60_000);
  const [lane, address] = await Promise.all([
    failuresSince({ username, deviceId: client.deviceId }, since),
    failuresSince({ ip: client.ip }, since),
  ]);
  const wait = loginDelayMs(lane.count, limits);
  const waitLeft = lane.last ? lane.last.getTime() + wait - now : 0;
  if (wait && waitLeft > 0) {
    await LoginAttempt.create({ username, ip: client.ip, deviceId: client.deviceId, succeeded: false, outcome: 'throttled' });
    await auditLogin('throttled', username, username ? await SupervisorUser.findOne({ where: { username } }) : null, client.ip);
    logger.warn({ username, ip: client.ip, trustedDevice: !!client.deviceId, failures: lane.count }, 'login throttled');
    throw new LoginThrottledError(Math.ceil(waitLeft / 1000));
  }
  const addressLimit = limits.maxFailures * IP_FAILURE_FACTOR;
  if (address.count >= addressLimit) {
    logger.warn({ ip: client.ip, failures: address.count }, 'login from an address with many failures: answer slowed');
    await sleep(Math.min(200 * (address.count - addressLimit + 1), 3000));
  }
  const user = username ? await SupervisorUser.findOne({ where: { username } }) : null;
  // The same hash work whether the user exists, is inactive or active, so the answer's time tells nothing.
  const verified = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  const outcome: LoginOutcome = !user ? 'unknownUser' : !verified ? 'wrongPassword' : !user.active ? 'inactive' : 'succeeded';
  await LoginAttempt.create({ username, ip: client.ip, deviceId: client.deviceId, succeeded: outcome === 'succeeded', outcome });
  await auditLogin(outcome, username, user, client.ip);
  if (outcome !== 'succeeded' || !user) {
    logger.info({ username, ip: client.ip, outcome }, 'login failed');
    return null;
  }
  // A re-hash at new settings keeps the same password, so the user's other sessions stay.
  const sameRights: SameRights = { sameRights: true };
  await user.update(
    { lastLoginAt: new Date(), ...(hashNeedsUpgrade(user.passwordHash) && { passwordHash: await hashPassword(password) }) },
    sameRights,
  );
  return sessionUserFor(user);
}
