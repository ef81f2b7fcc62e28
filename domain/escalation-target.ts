/**
 * 超期上报: which office must decide a pending record, and so which office an overdue one is reported to. A report
 * goes to the office ABOVE the deciding one — reporting to the office that is itself late would change nothing.
 */
import { parentRegion, PROVINCE_CODE, tryRegionLevel } from './jurisdiction.js';
import { approvingRegion } from './pre-procurement.js';

/** The kinds of pending record with a time limit, by what their deciding office follows. */
export type DecisionStep =
  | 'unitReview'
  | 'expertReview'
  | 'specialtyReview'
  | 'failedTenderConfirmation'
  | 'preAwardConfirmation'
  | 'paymentReview'
  | 'methodChangeApproval'
  | 'importProductApproval'
  | 'caseHandling';

/**
 * The region of the office that must act on a record owned by (or registered in) `region`, at `state` for the
 * stepped specialty review. Null when the region is not a Jiangxi code (nothing is reported for such a record).
 */
export function decidingRegion(step: DecisionStep, region: string, state?: string): string | null {
  if (tryRegionLevel(region) === null) return null;
  switch (step) {
    // 政府采购法 art. 27 and 财库〔2007〕119号: an office at city level or above decides.
    case 'methodChangeApproval':
    case 'importProductApproval':
      return approvingRegion(region);
    // A registration is reviewed by the city of its region, 省本级's by the province.
    case 'expertReview':
      return approvingRegion(region);
    // City → province → 省公管办 (the last two sit at 360000).
    case 'specialtyReview':
      return state === 'city_review' ? approvingRegion(region) : PROVINCE_CODE;
    default:
      return region;
  }
}

/** The office above the deciding one; null for what the province (or 省公管办) decides: there is nobody above. */
export function escalationTarget(step: DecisionStep, region: string, state?: string): string | null {
  const deciding = decidingRegion(step, region, state);
  return deciding === null ? null : parentRegion(deciding);
}
