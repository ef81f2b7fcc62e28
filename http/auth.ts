import { setTimeout as sleep } from 'node:timers/promises';
import { normaliseUsername } from '../domain/user-rules.js';
import { IP_FAILURE_FACTOR, loginDelayMs } from '../domain/login-delay.js';
import { passwordChangeDue } from '../domain/password-change-due.js';
import { LoginAttempt, SupervisorUser } from '../db/models.js';
import { sessionUserFor } from '../services/session-user.js';
import { failuresSince } from '../services/login-lanes.js';
import { previousLogin } from '../services/login-history.js';
import type { LoginOutcome } from '../db/models/system/login-attempt.model.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import type { SameRights } from '../db/models/system/user-rights.js';
import type { AccountPolicy } from '../settings/account-policy.js';
import { logger } from '../settings/logger.js';
import { hashNeedsUpgrade, hashPassword, verifyPassword } from '../services/password-hash.js';
import { auditAccountLocked, auditLogin } from '../services/access-audit.js';

/** Where an attempt comes from: the address the balancer vouches for, and the trusted browser, if it is one. */
export interface LoginClient {
  ip: string;
  deviceId: string | null;
}

/** Thrown to show the login page's throttling message (a key of the locale's `messages`). */
export class LoginThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('loginThrottled');
  }
}

// A fixed hash to verify against when the user does not exist, so both cases take the same time.
const decoyHash = hashPassword('decoy-password-for-timing');

/**
 * Checks a username and password, counting failures in the database so every web instance sees the same ones.
 *
 * No lock-out a guesser could use: failures slow the account down (a growing wait after the limit) rather than shutting it, and
 * they are counted apart for each trusted browser (one the account signed in from before, http/trusted-device.ts)
 * and for all other clients together, so a guesser slows only themselves and the account's owner at their usual
 * browser is never held back. Many failures from one address slow that address's answers, but a right password for
 * an account that is not itself waiting still signs in: behind one NAT sits a whole office. The security
 * administrator sees the lanes at the limit and may forgive an account's failures (services/login-lanes.ts).
 */
export async function authenticate(
  usernameRaw: unknown,
  passwordRaw: unknown,
  client: LoginClient,
  { login: limits, password: policy }: AccountPolicy,
): Promise<SessionUser | null> {
  const username = normaliseUsername(String(usernameRaw ?? '')).slice(0, 100);
  const password = String(passwordRaw ?? '').slice(0, 200);
  const now = Date.now();
  const since = new Date(now - limits.windowMinutes * 60_000);
  const [lane, address] = await Promise.all([
    failuresSince({ username, deviceId: client.deviceId }, since, { unlockOf: username }),
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
  const attempt = await LoginAttempt.create({
    username,
    ip: client.ip,
    deviceId: client.deviceId,
    succeeded: outcome === 'succeeded',
    outcome,
  });
  await auditLogin(outcome, username, user, client.ip);
  if (user && outcome !== 'succeeded' && lane.count + 1 === limits.maxFailures) {
    await auditAccountLocked(user, limits.maxFailures, !!client.deviceId, client.ip);
  }
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
  // Signed in, but held to the password page until a password set by someone else, an expired one or the published
  // demo password is replaced (http/password-change-gate.ts); and told of the account's earlier logins.
  const passwordChange = passwordChangeDue(user, policy, new Date(now), policy.refused.includes(password));
  return { ...(await sessionUserFor(user)), passwordChange, previousLogin: await previousLogin(username, attempt.id) };
}
