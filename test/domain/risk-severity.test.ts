import { describe, expect, it } from '@jest/globals';
import { defineRule } from '../../domain/risk/define-rule.js';
import { lowerFence, quantile } from '../../domain/risk/quartiles.js';
import { compareShare } from '../../domain/risk/share.js';
import { commonRegion } from '../../domain/risk/common-region.js';
import { partyKey, fenOf, dayOf } from '../../domain/risk/inputs.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const oneFlag = defineRule<number, Record<string, never>>('abnormalSavings', (fen, _t, raise) => [
  raise({ type: 'ProcurementProject', id: 7, label: '项目', regionCode: '360100' }, fen, {}, '阈值'),
]);

describe('severity and score (config: default, amount bands, weights)', () => {
  const policy = {
    default: 'yellow' as const,
    bands: [
      { atLeast: 1_000_000, severity: 'orange' as const },
      { atLeast: 4_000_000, severity: 'red' as const },
    ],
  };
  it.each([
    ['just below the first band', 99_999_999, 'yellow', '999999.99'],
    ['at the first band', 100_000_000, 'orange', '2000000.00'],
    ['just below the second band', 399_999_999, 'orange', '7999999.98'],
    ['at the second band', 400_000_000, 'red', '12000000.00'],
    ['no money at stake', 0, 'yellow', '0.00'],
  ])('%s', (_what, fen, severity, score) => {
    const [flag] = oneFlag(fen, settingsOf({}, policy), RISK_CONTEXT);
    expect(flag).toMatchObject({ severity, score, amount: (fen / 100).toFixed(2), basis: '测试依据', subjectId: '7' });
  });

  it('a band never lowers the default', () => {
    const [flag] = oneFlag(500_000_000, settingsOf({}, { default: 'red', bands: [{ atLeast: 1, severity: 'yellow' }] }), RISK_CONTEXT);
    expect(flag!.severity).toBe('red');
  });

  it('a switched-off rule raises nothing', () => {
    expect(oneFlag(100, { ...settingsOf({}), enabled: false }, RISK_CONTEXT)).toEqual([]);
  });
});

describe('helpers', () => {
  it('quartiles by Hyndman and Fan method 8, as statrs (cardinal-rs)', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBeCloseTo(5 / 3, 10);
    expect(quantile([1, 2, 3, 4, 5], 0.75)).toBeCloseTo(13 / 3, 10);
    expect(quantile([7], 0.25)).toBe(7);
    expect(lowerFence([0, 0, 0, 0.5, 1], 1.5)).toEqual({ q1: 0, q3: expect.closeTo(2 / 3, 10), fence: expect.closeTo(-1, 10) });
  });

  it.each([
    [30_000_000, 100_000_000, 0.3, 0],
    [29_999_999, 100_000_000, 0.3, -1],
    [30_000_001, 100_000_000, 0.3, 1],
    [1, 0, 0.1, 1],
  ])('compareShare(%i, %i, %f) = %i, exact to the fen', (part, whole, ratio, expected) => {
    expect(compareShare(part, whole, ratio)).toBe(expected);
  });

  it.each([
    [['360121'], '360121'],
    [['360121', '360121'], '360121'],
    [['360121', '360102'], '360100'],
    [['360121', '360100'], '360100'],
    [['360121', '360702'], '360000'],
    [['360000', '360121'], '360000'],
    [['bad'], '360000'],
  ])('commonRegion(%j) = %s', (codes, expected) => {
    expect(commonRegion(codes)).toBe(expected);
  });

  it('reads what the database hands over; anything unreadable is missing', () => {
    expect(partyKey(' 江西某某科技有限公司（南昌） ')).toBe(partyKey('江西某某科技有限公司(南昌)'));
    expect(partyKey('  ')).toBeNull();
    expect([fenOf('1234.5'), fenOf(1234.5), fenOf(null), fenOf('abc'), fenOf(Number.NaN)]).toEqual([123450, 123450, null, null, null]);
    expect([dayOf('2026-03-01'), dayOf(new Date('2026-02-28T16:30:00Z')), dayOf('2026-02-30'), dayOf(null)]).toEqual([
      '2026-03-01',
      '2026-03-01',
      null,
      null,
    ]);
    // A raw moment as SQLite gives it back: its day in China.
    expect(dayOf('2026-02-28 16:30:00.000 +00:00')).toBe('2026-03-01');
  });
});
