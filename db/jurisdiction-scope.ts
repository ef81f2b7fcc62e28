import { literal, Op, type WhereOptions } from 'sequelize';
import {
  isAdministratorRole,
  parentRegion,
  readsBusinessRecords,
  visibleRegionPrefix,
  type RegionFilter,
  type Role,
} from '../domain/jurisdiction.js';
import type { JurisdictionKind } from './jurisdiction-kind.js';
import type { PasswordChangeReason } from '../domain/password-change-due.js';
import type { PreviousLogin } from '../domain/login-notice.js';

/** What the session knows about the signed-in supervisor; the only input jurisdiction needs. */
export interface SessionUser {
  id: number;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  /** The user's rights version at login: a session under an older one is ended (db/models/system/user-rights.ts). */
  rightsVersion?: number;
  /** Set at login when the password must be replaced first: every other page and API answer waits for it. */
  passwordChange?: PasswordChangeReason | null;
  /** The account's earlier logins as they stood at this login, for the notice on the workbench. */
  previousLogin?: PreviousLogin;
}

/**
 * The `where` that restricts a model to what `user` may see, or `null` when the user may see none of it.
 * Lists, look-ups, jobs, exports and dashboards all ask here, so the rule lives in one place.
 */
export function jurisdictionWhere(kind: JurisdictionKind | undefined, user: SessionUser | undefined | null): WhereOptions | null {
  if (!user || !kind) return null;
  if (kind.kind === 'reference') return {};
  if (kind.kind === 'admin') return isAdministratorRole(user.role) ? {} : null;
  if (kind.kind === 'audit' && user.role === 'auditor') return {};
  if (!readsBusinessRecords(user.role)) return null;
  if (user.role === 'admin') return {};
  const visible = visibleRegionPrefix(user.regionCode);
  if (kind.kind === 'library' && 'exact' in visible) return countyLibraryWhere(kind.field, visible.exact);
  // The province sees its whole tree, and every stored region code is in it (each references the regions table, which
  // holds this province's tree only): no condition, so a count over millions of rows needs no per-row test.
  if ('prefix' in visible && visible.prefix.length === 2) return {};
  return regionWhere(kind.field, visible);
}

/** The rows of `field` in a region filter, as SQL: what a user sees and what a user decides are both such filters. */
export function regionWhere(field: string, regions: RegionFilter): WhereOptions {
  return 'exact' in regions ? { [field]: regions.exact } : { [field]: { [Op.like]: `${regions.prefix}%` } };
}

/**
 * The county's own library, or its city's while the county has none (domain/agreement-library.ts says the same in
 * plain code). The region codes come from the session and are checked digits, never user input.
 */
function countyLibraryWhere(field: string, county: string): WhereOptions {
  if (!/^36\d{4}$/.test(county)) return { [field]: null, [Op.and]: [literal('1 = 0')] };
  const city = parentRegion(county)!;
  return {
    [Op.or]: [
      { [field]: county },
      {
        [Op.and]: [
          { [field]: city },
          literal(`NOT EXISTS (SELECT 1 FROM agreement_libraries own WHERE own.owner_region_code = '${county}')`),
        ],
      },
    ],
  };
}

export function sessionUserOf(context: { currentAdmin?: unknown } | undefined): SessionUser | undefined {
  return context?.currentAdmin as SessionUser | undefined;
}
