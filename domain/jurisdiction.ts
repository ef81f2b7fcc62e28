/**
 * Who may see and who may act on a record, by role and 6-digit Jiangxi region code.
 * Jurisdiction is a security boundary: the predicates here fail closed (return false)
 * on any malformed input instead of guessing.
 */

export const ROLES = ['admin', 'security', 'auditor', 'province', 'city', 'county', 'gongguanban'] as const;
export type Role = (typeof ROLES)[number];

/**
 * 三员分立 (等保 2.0, level three): the system administrator runs the system, the security administrator grants roles
 * and watches logins, the audit administrator reads the audit trail. None of them works on procurement.
 */
export const ADMINISTRATOR_ROLES = ['admin', 'security', 'auditor'] as const satisfies readonly Role[];
export type AdministratorRole = (typeof ADMINISTRATOR_ROLES)[number];

/** The offices that supervise procurement: the roles of business users. */
export const OFFICE_ROLES = ['province', 'city', 'county', 'gongguanban'] as const satisfies readonly Role[];

export function isAdministratorRole(role: unknown): role is AdministratorRole {
  return (ADMINISTRATOR_ROLES as readonly unknown[]).includes(role);
}

export function isOfficeRole(role: unknown): boolean {
  return (OFFICE_ROLES as readonly unknown[]).includes(role);
}

/**
 * Who reads procurement records: the offices, and the system administrator, who sees them to support the offices but
 * decides nothing. The security and the audit administrator see none: neither may act as a business user.
 */
export function readsBusinessRecords(role: unknown): boolean {
  return role === 'admin' || isOfficeRole(role);
}
export type RegionLevel = 'province' | 'city' | 'county';

export const PROVINCE_CODE = '360000';

const REGION_CODE = /^36\d{4}$/;

/** Null when `code` cannot be a Jiangxi region code. */
export function tryRegionLevel(code: unknown): RegionLevel | null {
  if (typeof code !== 'string' || !REGION_CODE.test(code)) return null;
  if (code === PROVINCE_CODE) return 'province';
  // 36 00 xx would be a county hanging directly under the province; Jiangxi has none.
  if (code.slice(2, 4) === '00') return null;
  return code.endsWith('00') ? 'city' : 'county';
}

export function regionLevel(code: string): RegionLevel {
  const level = tryRegionLevel(code);
  if (level === null) {
    throw new RangeError(`无效的江西省行政区划代码：“${String(code)}”（应为36开头的6位数字）`);
  }
  return level;
}

/** The region one level up; null for the province. */
export function parentRegion(code: string): string | null {
  switch (regionLevel(code)) {
    case 'province':
      return null;
    case 'city':
      return PROVINCE_CODE;
    case 'county':
      return `${code.slice(0, 4)}00`;
  }
}

/** Whether a user of `userRegion` may see a record owned by `recordRegion`. */
export function isWithin(userRegion: string, recordRegion: string): boolean {
  const userLevel = tryRegionLevel(userRegion);
  if (userLevel === null || tryRegionLevel(recordRegion) === null) return false;
  switch (userLevel) {
    case 'province':
      return true;
    case 'city':
      return recordRegion.slice(0, 4) === userRegion.slice(0, 4);
    case 'county':
      return recordRegion === userRegion;
  }
}

export type RegionFilter = { exact: string } | { prefix: string };

/** The SQL-ready filter for what a user of `userRegion` may see (`code = exact` or `code LIKE prefix || '%'`). */
export function visibleRegionPrefix(userRegion: string): RegionFilter {
  // Throwing (not returning an empty prefix) keeps a bad session from matching every row.
  switch (regionLevel(userRegion)) {
    case 'province':
      return { prefix: '36' };
    case 'city':
      return { prefix: userRegion.slice(0, 4) };
    case 'county':
      return { exact: userRegion };
  }
}

function roleMatchesRegion(role: Role, userRegion: string): boolean {
  const level = tryRegionLevel(userRegion);
  switch (role) {
    case 'province':
    case 'gongguanban':
    case 'admin':
    case 'security':
    case 'auditor':
      return level === 'province';
    case 'city':
      return level === 'city';
    case 'county':
      return level === 'county';
    default:
      return false;
  }
}

/**
 * Which office decides a record, from the region that owns it: `owner` — the office of that region itself (DOMAIN.md's
 * default); `cityLevel` — the city for the city and its counties, the province for 省本级 (expert registrations, and
 * the approvals the law gives to offices at city level or above); `subtree` — any office whose jurisdiction holds the
 * record (a supervisor opens a case on a red flag anywhere it sees, and the case goes to the flag's own office).
 */
export type DecidingOffice = 'owner' | 'cityLevel' | 'subtree';

/**
 * The regions whose records a user decides under `office`, or null for none. The panel's buttons and the server's
 * refusal test a record with `inRegions`; the workbench's counts and the 待我处理 filter turn the same answer into SQL.
 */
export function decidedRegions(office: DecidingOffice, role: Role, userRegion: string): RegionFilter | null {
  if (!roleMatchesRegion(role, userRegion)) return null;
  switch (role) {
    case 'province':
      return office === 'subtree' ? { prefix: PROVINCE_CODE.slice(0, 2) } : { exact: PROVINCE_CODE };
    case 'city':
      return office === 'owner' ? { exact: userRegion } : { prefix: userRegion.slice(0, 4) };
    case 'county':
      return office === 'cityLevel' ? null : { exact: userRegion };
    // The administrators run the system, not procurement; 省公管办 only reads business records.
    default:
      return null;
  }
}

/** Whether a (valid) region code lies in `filter`; false for none and for anything malformed. */
export function inRegions(filter: RegionFilter | null, code: unknown): boolean {
  if (filter === null || tryRegionLevel(code) === null) return false;
  return 'exact' in filter ? code === filter.exact : (code as string).startsWith(filter.prefix);
}

/** Whether `role` may approve, return or otherwise change a business record owned by `recordRegion`. */
export function canAct(role: Role, userRegion: string, recordRegion: string): boolean {
  return inRegions(decidedRegions('owner', role, userRegion), recordRegion);
}

/** Expert registrations: the city reviews its city and counties, the province reviews 省本级. */
export function canReviewExpert(role: Role, userRegion: string, expertRegion: string): boolean {
  return inRegions(decidedRegions('cityLevel', role, userRegion), expertRegion);
}
