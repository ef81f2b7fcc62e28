import { Op, type WhereOptions } from 'sequelize';
import { visibleRegionPrefix, type Role } from '../domain/jurisdiction.js';
import type { JurisdictionKind } from './jurisdiction-kind.js';

/** What the session knows about the signed-in supervisor; the only input jurisdiction needs. */
export interface SessionUser {
  id: number;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
}

/**
 * The `where` that restricts a model to what `user` may see, or `null` when the user may see none of it.
 * Lists, look-ups, jobs, exports and dashboards all ask here, so the rule lives in one place.
 */
export function jurisdictionWhere(kind: JurisdictionKind | undefined, user: SessionUser | undefined | null): WhereOptions | null {
  if (!user || !kind) return null;
  if (kind.kind === 'reference') return {};
  if (user.role === 'admin') return {};
  if (kind.kind === 'admin') return null;
  const visible = visibleRegionPrefix(user.regionCode);
  return 'exact' in visible
    ? { [kind.field]: visible.exact }
    : { [kind.field]: { [Op.like]: `${visible.prefix}%` } };
}

export function sessionUserOf(context: { currentAdmin?: unknown } | undefined): SessionUser | undefined {
  return context?.currentAdmin as SessionUser | undefined;
}
