/** 交易前 rules: who approves a change of method, and the 30-day intention notice. */
import { requireDateOnly } from './dates.js';
import { regionLevel } from './jurisdiction.js';

/**
 * The office that approves a change away from public tender for a unit of `ownerRegionCode`.
 * 政府采购法 art. 27 requires an office at city level or above, so a county's request goes to its city.
 */
export function approvingRegion(ownerRegionCode: string): string {
  switch (regionLevel(ownerRegionCode)) {
    case 'province':
    case 'city':
      return ownerRegionCode;
    case 'county':
      return `${ownerRegionCode.slice(0, 4)}00`;
  }
}

/** 财库〔2020〕10号: intentions are published at least 30 days before procurement starts. */
export const INTENTION_MIN_DAYS = 30;

/** How many days short of the 30-day notice the procurement start is; 0 when the notice was long enough. */
export function intentionShortfallDays(intentionPublishedAt: string, procurementStartAt: string): number {
  const published = requireDateOnly(intentionPublishedAt, '采购意向公开日期');
  const start = requireDateOnly(procurementStartAt, '采购活动开始日期');
  return Math.max(0, INTENTION_MIN_DAYS - (start - published));
}
