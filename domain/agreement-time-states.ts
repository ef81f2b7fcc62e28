/**
 * 协议采购 states that follow the clock: a bidding (竞价/报价) is over once its end time has passed, and an agreement
 * supplier is no longer valid once its validity period (协议有效期) has ended. The stored state may lag until the
 * minute's job moves it; what users see and what decisions check is the state derived here.
 */
import { chinaDay } from './dates.js';
import type { BiddingStatus } from './agreement-library.js';

/** A bidding still 竞价中/报价中 whose end time is not after `now` has ended; 已结束 and 已退回 stay as they are. */
export function effectiveBiddingStatus(status: BiddingStatus, endAt: Date | string | number, now: Date): BiddingStatus {
  if (status !== 'bidding' && status !== 'quoting') return status;
  return new Date(endAt).getTime() <= now.getTime() ? 'ended' : status;
}

export const SUPPLIER_STATUS_LABELS = { active: '有效', expired: '已失效', removed: '已移除' } as const;
export type SupplierStatus = keyof typeof SUPPLIER_STATUS_LABELS;

/**
 * 有效 through the whole last day of its validity in China (validTo is a civil date, not an instant), 已失效 from the
 * next China day on. A removal is final. A period not yet begun still counts as 有效 here: the supplier is admitted,
 * and goods are refused for it by the validity check at the time of choosing.
 */
export function effectiveSupplierStatus(status: SupplierStatus, validTo: string, now: Date): SupplierStatus {
  if (status === 'removed') return status;
  return String(validTo).slice(0, 10) < chinaDay(now) ? 'expired' : 'active';
}
