/** The narrowest region that holds every one of `codes`: a supplier active in two counties of a city is the city's to watch. */
import { PROVINCE_CODE, tryRegionLevel } from '../jurisdiction.js';

export function commonRegion(codes: Iterable<string>): string {
  const distinct = [...new Set(codes)];
  if (!distinct.length || distinct.some((code) => tryRegionLevel(code) === null)) return PROVINCE_CODE;
  if (distinct.length === 1) return distinct[0]!;
  const cities = new Set(distinct.map((code) => (code === PROVINCE_CODE ? code : `${code.slice(0, 4)}00`)));
  return cities.size === 1 && !cities.has(PROVINCE_CODE) ? [...cities][0]! : PROVINCE_CODE;
}
