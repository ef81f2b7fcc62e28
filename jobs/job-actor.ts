import { SupervisorUser } from '../db/models.js';
import { sessionUserFor } from '../services/session-user.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';

/**
 * The user a job acts for, as stored now: a job queued by someone who has since been deactivated, demoted or moved
 * acts with what they may do today, or not at all. A job carries only the user's id; nothing it carries is trusted
 * as a right. Null when the user is gone or inactive.
 */
export async function currentActor(userId: number): Promise<SessionUser | null> {
  const user = await SupervisorUser.findByPk(userId);
  if (!user || !user.active) return null;
  return sessionUserFor(user);
}

/** A user who may no longer act, named as far as the database still knows them (for the audit of a refusal). */
export async function formerActor(userId: number): Promise<SessionUser> {
  const user = await SupervisorUser.findByPk(userId);
  return {
    id: userId,
    email: user?.username ?? String(userId),
    username: user?.username ?? String(userId),
    displayName: user?.displayName ?? String(userId),
    role: user?.role ?? 'county',
    regionCode: user?.regionCode ?? '',
    regionName: '',
  };
}
