import { describe, expect, it } from '@jest/globals';
import { effectiveBiddingStatus, effectiveSupplierStatus } from '../../domain/agreement-time-states.js';

describe('effectiveBiddingStatus: a bidding ends at its end time', () => {
  const endAt = new Date('2026-03-10T15:00:00+08:00');
  it.each([
    ['bidding, a second before its end', 'bidding', '2026-03-10T14:59:59+08:00', 'bidding'],
    ['bidding, at its end', 'bidding', '2026-03-10T15:00:00+08:00', 'ended'],
    ['quoting, twelve days after its end', 'quoting', '2026-03-22T09:00:00+08:00', 'ended'],
    ['quoting, before its end', 'quoting', '2026-03-01T09:00:00+08:00', 'quoting'],
    ['returned stays returned', 'returned', '2026-03-22T09:00:00+08:00', 'returned'],
    ['ended stays ended, even before its end time', 'ended', '2026-03-01T09:00:00+08:00', 'ended'],
  ] as const)('%s', (_what, status, now, expected) => {
    expect(effectiveBiddingStatus(status, endAt, new Date(now))).toBe(expected);
  });

  it('reads an end time given as a string or epoch milliseconds the same way', () => {
    const now = new Date('2026-03-11T00:00:00+08:00');
    expect(effectiveBiddingStatus('bidding', endAt.toISOString(), now)).toBe('ended');
    expect(effectiveBiddingStatus('bidding', endAt.getTime(), now)).toBe('ended');
  });
});

describe('effectiveSupplierStatus: valid through the last day of its validity, in China', () => {
  it.each([
    ['on its last day (China), late evening', 'active', '2025-12-31', '2025-12-31T23:59:00+08:00', 'active'],
    // 2025-12-31T16:30Z is already 2026-01-01 00:30 in China: a UTC reading would still say 有效.
    ['just after midnight China time, still 12-31 in UTC', 'active', '2025-12-31', '2025-12-31T16:30:00Z', 'expired'],
    ['before midnight China time', 'active', '2025-12-31', '2025-12-31T15:59:59Z', 'active'],
    ['months later', 'active', '2025-12-31', '2026-03-22T09:00:00+08:00', 'expired'],
    ['a stored 已失效 whose validity was extended is 有效 again', 'expired', '2027-12-31', '2026-03-22T09:00:00+08:00', 'active'],
    ['a removal is final', 'removed', '2027-12-31', '2026-03-22T09:00:00+08:00', 'removed'],
  ] as const)('%s', (_what, status, validTo, now, expected) => {
    expect(effectiveSupplierStatus(status, validTo, new Date(now))).toBe(expected);
  });
});
