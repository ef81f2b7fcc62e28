import type { NextFunction, Request, Response } from 'express';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { SupervisorUser } from '../db/models.js';
import type { StoredRights, StoredSession } from './session-store.js';

// On the primary: rights taken away end the session at once, not once the standby has replayed the change.
const readRights = (id: number): Promise<StoredRights | null> =>
  SupervisorUser.findByPk(id, { attributes: ['active', 'rightsVersion'], raw: true, useMaster: true });

/**
 * A session holds the rights its user had at login; every request checks them against the user as stored now. A
 * user deactivated, moved to another role or region, or given a new password is signed out at their next request,
 * wherever their session is (their sessions are also deleted when the change is written).
 */
export async function currentRights(req: Request, _res: Response, next: NextFunction): Promise<void> {
  const session = req.session as (Omit<StoredSession, 'adminUser'> & { adminUser?: SessionUser }) | undefined;
  const user = session?.adminUser;
  if (!user) return next();
  try {
    // The session store reads them with the session; a session that did not come through it reads them here.
    const stored = session.storedRights !== undefined ? session.storedRights : await readRights(user.id);
    if (stored && stored.active && stored.rightsVersion === user.rightsVersion) return next();
    req.session.destroy((error) => next(error));
  } catch (error) {
    next(error);
  }
}
