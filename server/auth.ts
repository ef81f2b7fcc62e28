import { Op } from 'sequelize';
import { LoginAttempt, Region, SupervisorUser } from '../resources/models.js';
import type { SessionUser } from '../resources/jurisdiction-scope.js';
import { logger } from './logger.js';
import { hashNeedsUpgrade, hashPassword, verifyPassword } from './password-hash.js';

export interface LoginLimits { maxFailures: number; windowMinutes: number }

/** Thrown to show the login page's throttling message (a key of the locale's `messages`). */
export class LoginThrottledError extends Error {
  constructor() {
    super('loginThrottled');
  }
}

// A fixed hash to verify against when the user does not exist, so both cases take the same time.
const decoyHash = hashPassword('decoy-password-for-timing');

/**
 * Checks a username and password. Failures are counted in the database per IP and per username, so the limit holds
 * across every web instance and a distributed guesser cannot spread one username over many addresses.
 */
export async function authenticate(usernameRaw: unknown, passwordRaw: unknown, ip: string, limits: LoginLimits): Promise<SessionUser | null> {
  const username = String(usernameRaw ?? '').trim().toLowerCase().slice(0, 100);
  const password = String(passwordRaw ?? '').slice(0, 200);
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const [byUser, byIp] = await Promise.all([
    LoginAttempt.count({ where: { username, succeeded: false, createdAt: { [Op.gte]: since } } }),
    LoginAttempt.count({ where: { ip, succeeded: false, createdAt: { [Op.gte]: since } } }),
  ]);
  // An IP may be a whole office behind one NAT: it gets more room than one username.
  if (byUser >= limits.maxFailures || byIp >= limits.maxFailures * 4) {
    logger.warn({ username, ip }, 'login throttled');
    throw new LoginThrottledError();
  }
  const user = username ? await SupervisorUser.findOne({ where: { username } }) : null;
  const ok = user ? user.active && (await verifyPassword(user.passwordHash, password)) : (await verifyPassword(await decoyHash, password), false);
  await LoginAttempt.create({ username, ip, succeeded: ok });
  if (!ok || !user) {
    logger.info({ username, ip }, 'login failed');
    return null;
  }
  await user.update({ lastLoginAt: new Date(), ...(hashNeedsUpgrade(user.passwordHash) && { passwordHash: await hashPassword(password) }) });
  const region = await Region.findByPk(user.regionCode);
  return {
    id: user.id, email: user.username, username: user.username, displayName: user.displayName,
    role: user.role, regionCode: user.regionCode, regionName: region?.name ?? user.regionCode,
  };
}
