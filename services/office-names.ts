import { Op } from 'sequelize';
import { Region, SupervisorUser } from '../db/models.js';
import { isWithin } from '../domain/jurisdiction.js';

/** What the daily jobs and scripts are recorded as, where a person would be. */
export const SYSTEM_ACTOR = 'system';
export const SYSTEM_ACTOR_NAME = '系统';
/** The role recorded for a login attempt with a username no account has (services/access-audit.ts). */
export const UNKNOWN_ACCOUNT_ROLE = 'unknown';
export const UNKNOWN_ACCOUNT_ROLE_NAME = '（无此用户名）';

/**
 * Login names as the panel shows a person: their office (南昌县采购办), as a decision that stores the display name
 * already does. A value that is no user's login (a name stored as it was shown, 演示审核员) stays as it is.
 */
export async function officeNames(usernames: Iterable<unknown>): Promise<Map<string, string>> {
  const wanted = [...new Set([...usernames].filter((u): u is string => typeof u === 'string' && u !== ''))];
  const names = new Map<string, string>(wanted.includes(SYSTEM_ACTOR) ? [[SYSTEM_ACTOR, SYSTEM_ACTOR_NAME]] : []);
  const logins = wanted.filter((u) => u !== SYSTEM_ACTOR);
  if (logins.length)
    for (const user of await SupervisorUser.findAll({ where: { username: { [Op.in]: logins } }, attributes: ['username', 'displayName'] }))
      names.set(user.username, user.displayName);
  return names;
}

/** An office offered where a person is chosen: its login as the value, its name as what is read. */
export interface OfficeOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The offices a viewer may pick where a person is filtered (who acted, who created): those of the viewer's own
 * jurisdiction and those above it, which act on its records; the administrator picks from all. Offices of other
 * jurisdictions stay unnamed, as their records do. Ordered from the province down, 系统 last.
 */
export async function officesSeenBy(viewer: { role: string; regionCode: string }): Promise<OfficeOption[]> {
  const users = await SupervisorUser.findAll({
    attributes: ['username', 'displayName', 'regionCode'],
    order: [
      ['regionCode', 'ASC'],
      ['username', 'ASC'],
    ],
  });
  const seen = users.filter(
    (u) => viewer.role === 'admin' || isWithin(viewer.regionCode, u.regionCode) || isWithin(u.regionCode, viewer.regionCode),
  );
  return [...seen.map((u) => ({ value: u.username, label: u.displayName })), { value: SYSTEM_ACTOR, label: SYSTEM_ACTOR_NAME }];
}

/**
 * Region codes as sentences name them (南昌县, not 360121). The tree is reference data loaded at start and not edited
 * in the panel, so one read serves the process (`loadRegionNames` at start-up); refusals are worked out synchronously
 * (for every listed row, to decide its buttons), so they read the names already loaded.
 */
const known = new Map<string, string>();

export async function loadRegionNames(): Promise<ReadonlyMap<string, string>> {
  for (const region of await Region.findAll({ attributes: ['code', 'name'] })) known.set(region.code, region.name);
  return known;
}

/**
 * The regions of `codes` as rows of the regions table (code, name), from the names loaded at start: what a list's
 * 区划 column shows beside every row, without a query. Null before the names are loaded.
 */
export function regionRowsOf(codes: ReadonlyArray<string | number>): Array<{ code: string; name: string }> | null {
  if (!known.size) return null;
  return [...new Set(codes.map(String))].sort().flatMap((code) => {
    const name = known.get(code);
    return name === undefined ? [] : [{ code, name }];
  });
}

/** A region's name; a code that is no region's (or before the names are loaded) stays as it is. */
export function regionLabel(code: string | null | undefined): string {
  if (!code) return '（空）';
  return known.get(code) ?? code;
}

/** As `regionLabel`, reading the tree first where the name is not known yet (a worker started before the web). */
export async function regionNameOf(code: string | null | undefined): Promise<string> {
  if (code && !known.has(code)) await loadRegionNames();
  return regionLabel(code);
}
