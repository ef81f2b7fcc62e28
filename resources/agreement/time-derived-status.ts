import {
  buildFeature,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type FeatureType,
  type ListActionResponse,
} from 'adminjs';
import { effectiveBiddingStatus, effectiveSupplierStatus, type SupplierStatus } from '../../domain/agreement-time-states.js';
import type { BiddingStatus } from '../../domain/agreement-library.js';

type After = (response: ActionResponse, request: ActionRequest, context: ActionContext) => Promise<ActionResponse>;
type Params = Record<string, unknown>;

/** A date-only value as `YYYY-MM-DD`, whether it arrives as that text, an ISO string or a Date at UTC midnight. */
function dayOf(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').slice(0, 10);
}

export const biddingStatusNow = (params: Params, now: Date): string =>
  effectiveBiddingStatus(params.status as BiddingStatus, params.endAt as string, now);

export const supplierStatusNow = (params: Params, now: Date): string =>
  effectiveSupplierStatus(params.status as SupplierStatus, dayOf(params.validTo), now);

/**
 * The list and the page show the state as the clock has it, not as last stored: between the moment a bidding ends
 * (or a validity runs out) and the maintenance round storing it, nobody sees 竞价中 on a bidding that is over.
 */
export function timeDerivedStatusFeature(derive: (params: Params, now: Date) => string): FeatureType {
  const onList: After = async (response) => {
    const now = new Date();
    for (const record of (response as ListActionResponse).records ?? []) record.params.status = derive(record.params, now);
    return response;
  };
  const onShow: After = async (response) => {
    if (response.record) response.record.params.status = derive(response.record.params, new Date());
    return response;
  };
  return buildFeature({ actions: { list: { after: [onList] }, show: { after: [onShow] } } });
}
