import { describe, expect, test } from '@jest/globals';
import { formatYuan, toFen } from '../../domain/money.js';
import { paymentLimit } from '../../domain/payment-review.js';

describe('toFen', () => {
  test.each([
    ['1234.5', 123450],
    ['0.01', 1],
    ['100', 10000],
    [' 7.10 ', 710],
    [12.3, 1230],
    ['-3.2', -320],
  ])('%p is %p fen', (input, fen) => expect(toFen(input)).toBe(fen));

  test.each(['', 'abc', '1.234', '1,000', '1e5'])('%p is refused', (input) => expect(() => toFen(input)).toThrow(RangeError));
});

test('formatYuan groups thousands and keeps two decimals', () => {
  expect(formatYuan(123456789)).toBe('1,234,567.89 元');
  expect(formatYuan(5)).toBe('0.05 元');
  expect(formatYuan(-100000)).toBe('-1,000.00 元');
});

describe('paymentLimit', () => {
  test('allows a payment that reaches the contract amount exactly', () => {
    expect(paymentLimit({ contractAmount: '100000.00', paidAmount: '60000.00', requestedAmount: '40000.00' })).toEqual({
      allowed: true,
      remainingAfter: 0,
    });
  });

  test('refuses one fen over the contract amount, naming paid, requested and contract figures', () => {
    const verdict = paymentLimit({ contractAmount: '100000.00', paidAmount: '60000.00', requestedAmount: '40000.01' });
    expect(verdict.allowed).toBe(false);
    if (verdict.allowed) return;
    expect(verdict.refusal).toContain('已支付 60,000.00 元');
    expect(verdict.refusal).toContain('本次申请 40,000.01 元');
    expect(verdict.refusal).toContain('合同金额 100,000.00 元');
    expect(verdict.refusal).toContain('超出 0.01 元');
  });

  test('adds in fen, not floats: 0.1 + 0.2 fits a contract of 0.3', () => {
    expect(paymentLimit({ contractAmount: 0.3, paidAmount: 0.1, requestedAmount: 0.2 }).allowed).toBe(true);
  });

  test.each(['0', '-5.00'])('refuses a requested amount of %p', (requested) => {
    const verdict = paymentLimit({ contractAmount: '100.00', paidAmount: '0', requestedAmount: requested });
    expect(verdict).toMatchObject({ allowed: false, refusal: expect.stringContaining('必须大于 0') });
  });
});
