import type { FeatureType } from 'adminjs';
import { readTimeValuesFeature, type ShownParams } from '../../panel/read-time-values.js';
import { effectiveBiddingStatus, effectiveSupplierStatus, type SupplierStatus } from '../../domain/agreement-time-states.js';
import type { BiddingStatus } from '../../domain/agreement-library.js';

/** A date-only value as `YYYY-MM-DD`, whether it arrives as that text, an ISO string or a Date at UTC midnight. */
function dayOf(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').slice(0, 10);
}

export const biddingStatusNow = (params: ShownParams, now: Date): string =>
  effectiveBiddingStatus(params.status as BiddingStatus, params.endAt as string, now);

export const supplierStatusNow = (params: ShownParams, now: Date): string =>
  effectiveSupplierStatus(params.status as SupplierStatus, dayOf(params.validTo), now);

/**
 * The list and the page show the state as the clock has it, not as last stored: between the moment a bidding ends
 * (or a validity runs out) and the maintenance round storing it, nobody sees 竞价中 on a bidding that is over.
 */
export function timeDerivedStatusFeature(derive: (params: ShownParams, now: Date) => string): FeatureType {
  return readTimeValuesFeature((params, now) => {
    params.status = derive(params, now);
  });
}
