import type { Express } from 'express';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { auditLogout } from '../services/access-audit.js';

/**
 * Records a sign-out before AdminJS's own logout route ends the session (it knows nothing of the audit trail). A
 * request without a signed-in user is no one's logout and passes through unrecorded.
 */
export function mountLogoutAudit(app: Express, logoutPath: string): void {
  app.get(logoutPath, async (req, _res, next) => {
    const user = (req.session as unknown as { adminUser?: SessionUser } | undefined)?.adminUser;
    if (user) await auditLogout(user);
    next();
  });
}
