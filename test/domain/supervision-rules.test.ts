import { describe, expect, it } from '@jest/globals';
import {
  explainFailedTender,
  explainPreAward,
  failedTenderNeedsConfirmation,
  preAwardNeedsConfirmation,
  type FailedTenderInput,
  type ProcurementCategory,
} from '../../domain/supervision-rules.js';

describe('failedTenderNeedsConfirmation', () => {
  it.each<[string, string, number, ProcurementCategory, boolean]>([
    ['public_tender', 'competitive_negotiation', 4_000_000, 'goods', true],
    ['public_tender', 'competitive_negotiation', 3_999_999.99, 'goods', false],
    ['public_tender', 'single_source', 4_000_000.01, 'services', true],
    ['public_tender', 'single_source', 3_999_999, 'services', false],
    ['public_tender', 'competitive_consultation', 4_000_000, 'works', true],
    ['public_tender', 'competitive_consultation', 100, 'works', false],
    ['public_tender', 'public_tender', 9_000_000, 'goods', false],
    ['competitive_consultation', 'competitive_consultation', 50_000_000, 'services', false],
    ['inquiry', 'competitive_negotiation', 4_500_000, 'goods', true],
    ['public_tender', 'inquiry', 0, 'goods', false],
  ])('%s → %s, %d 元 (%s) → %s', (originalMethod, newMethod, amount, category, expected) => {
    expect(failedTenderNeedsConfirmation({ originalMethod, newMethod, amount, category })).toBe(expected);
  });

  const changed: Omit<FailedTenderInput, 'amount' | 'category'> = {
    originalMethod: 'public_tender',
    newMethod: 'competitive_negotiation',
  };

  it.each<[ProcurementCategory, number, boolean]>([
    ['works', 4_000_000, false],
    ['works', 4_000_000 * 1.5, false],
    ['works', 10_000_000, true],
    ['goods', 2_000_000, true],
    ['goods', 1_999_999, false],
    // Categories not overridden keep the default.
    ['services', 4_000_000, true],
    ['services', 3_000_000, false],
  ])('configured thresholds: %s at %d → %s', (category, amount, expected) => {
    const options = { thresholds: { goods: 2_000_000, works: 10_000_000 } };
    expect(failedTenderNeedsConfirmation({ ...changed, amount, category }, options)).toBe(expected);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects amount %d', (amount) => {
    expect(() => failedTenderNeedsConfirmation({ ...changed, amount, category: 'goods' })).toThrow(/采购金额无效/);
  });

  it('rejects an unknown category', () => {
    expect(() => failedTenderNeedsConfirmation({ ...changed, amount: 1, category: 'land' as ProcurementCategory })).toThrow(
      /未知的采购品目类别“land”/,
    );
  });
});

describe('preAwardNeedsConfirmation', () => {
  it.each([
    [false, false, false, false],
    [true, false, false, true],
    [false, true, false, true],
    [false, false, true, true],
    [true, true, false, true],
    [true, false, true, true],
    [false, true, true, true],
    [true, true, true, true],
  ])('method %s, ranking %s, winner name %s → %s', (methodChanged, rankingChanged, winnerNameChanged, expected) => {
    expect(preAwardNeedsConfirmation({ methodChanged, rankingChanged, winnerNameChanged })).toBe(expected);
  });
});

describe('explainFailedTender and explainPreAward', () => {
  const methodName = (code: string) =>
    (({ public_tender: '公开招标', competitive_negotiation: '竞争性谈判' }) as Record<string, string>)[code] ?? code;
  it('names the change, the amount against the threshold, and the consequence', () => {
    expect(
      explainFailedTender({
        originalMethod: 'public_tender',
        newMethod: 'competitive_negotiation',
        amount: 5_200_000,
        category: 'goods',
        methodName,
      }),
    ).toEqual({
      needsConfirmation: true,
      basis: '采购方式由公开招标变更为竞争性谈判，金额 5,200,000.00 元 ≥ 公开招标数额标准 4,000,000.00 元（货物）：须采购办确认',
    });
    expect(
      explainFailedTender({
        originalMethod: 'public_tender',
        newMethod: 'public_tender',
        amount: 9_000_000,
        category: 'services',
        methodName,
      }).basis,
    ).toBe('采购方式不变（公开招标），金额 9,000,000.00 元 ≥ 公开招标数额标准 4,000,000.00 元（服务）：单位（主管预算单位）审核同意即可');
    expect(
      explainFailedTender(
        { originalMethod: 'public_tender', newMethod: 'competitive_negotiation', amount: 1_000_000, category: 'works', methodName },
        { thresholds: { works: 500_000 } },
      ).needsConfirmation,
    ).toBe(true);
  });
  it('lists what changed in a pre-award anomaly', () => {
    expect(explainPreAward({ methodChanged: false, rankingChanged: true, winnerNameChanged: true }).basis).toBe(
      '发生实质性变化（变更中标人排名顺序、变更中标人单位名称）：须采购办确认',
    );
    expect(explainPreAward({ methodChanged: false, rankingChanged: false, winnerNameChanged: false }).needsConfirmation).toBe(false);
  });
});
