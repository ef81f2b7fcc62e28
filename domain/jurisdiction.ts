/**
 * Who may see and who may act on a record, by role and 6-digit Jiangxi region code.
 * Jurisdiction is a security boundary: the predicates here fail closed (return false)
 * on any malformed input instead of guessing.
 */

export const ROLES = ['admin', 'province', 'city', 'county', 'gongguanban'] as const;
export type Role = (typeof ROLES)[number];
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
      return level === 'province';
    case 'city':
      return level === 'city';
    case 'county':
      return level === 'county';
    default:
      return false;
  }
}

/** Whether `role` may approve, return or otherwise change a business record owned by `recordRegion`. */
export function canAct(role: Role, userRegion: string, recordRegion: string): boolean {
  if (!roleMatchesRegion(role, userRegion) || tryRegionLevel(recordRegion) === null) return false;
  switch (role) {
    case 'province':
      return recordRegion === PROVINCE_CODE;
    case 'city':
    case 'county':
      return recordRegion === userRegion;
    // The administrator runs the system, not procurement; 省公管办 only reads business records.
    case 'admin':
    case 'gongguanban':
      return false;
    default:
      return false;
  }
}

/** Expert registrations: the city reviews its city and counties, the province reviews 省本级. */
export function canReviewExpert(role: Role, userRegion: string, expertRegion: string): boolean {
  if (!roleMatchesRegion(role, userRegion)) return false;
  const expertLevel = tryRegionLevel(expertRegion);
  if (expertLevel === null) return false;
  switch (role) {
    case 'province':
      return expertRegion === PROVINCE_CODE;
    case 'city':
      return expertLevel !== 'province' && expertRegion.slice(0, 4) === userRegion.slice(0, 4);
    default:
      return false;
  }
}
