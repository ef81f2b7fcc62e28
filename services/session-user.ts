import { Region } from '../db/models.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import type { SupervisorUser } from '../db/models/system/supervisor-user.model.js';

/** A stored user as a session (a login) and a job (acting for whoever queued it) carry them: rights as stored now. */
export async function sessionUserFor(user: SupervisorUser): Promise<SessionUser> {
  const region = await Region.findByPk(user.regionCode, { attributes: ['name'] });
  return {
    id: user.id,
    email: user.username,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    regionName: region?.name ?? user.regionCode,
    rightsVersion: user.rightsVersion,
  };
}
