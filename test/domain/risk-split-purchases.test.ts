import { describe, expect, it } from '@jest/globals';
import { splitPurchases, type PurchaseInput } from '../../domain/risk/split-purchases.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ minPurchases: 2, ignoreMethods: ['public_tender'] }, { default: 'red' });
const buy = (amount: string | number | null, over: Partial<PurchaseInput> = {}): PurchaseInput => ({
  procurementUnitId: 3,
  unitName: '南昌市某局',
  unitRegionCode: '360100',
  category: 'goods',
  budgetYear: 2026,
  amount,
  method: 'inquiry',
  ...over,
});

describe('化整为零 splitPurchases (threshold 400万元, 南昌县 goods 200万元)', () => {
  it.each([
    ['two pieces summing just below', [buy('2000000.00'), buy('1999999.99')], 0],
    ['two pieces summing exactly to the threshold', [buy('2000000.00'), buy('2000000.00')], 1],
    ['two pieces summing above', [buy('2500000.00'), buy('2000000.00')], 1],
    ['one piece alone, even at 3,999,999.99', [buy('3999999.99')], 0],
    ['a piece at the threshold is not a piece', [buy('4000000.00'), buy('100.00')], 0],
    ['different budget years', [buy('2000000.00'), buy('2000000.00', { budgetYear: 2025 })], 0],
    ['different categories', [buy('2000000.00'), buy('2000000.00', { category: 'services' })], 0],
    ['different units', [buy('2000000.00'), buy('2000000.00', { procurementUnitId: 4 })], 0],
    ['a public tender does not count', [buy('2000000.00'), buy('2000000.00', { method: 'public_tender' })], 0],
    ['agreement orders count', [buy('2000000.00', { method: 'agreement' }), buy('2000000.00', { method: 'designated' })], 1],
    [
      'the county threshold applies to a county unit',
      [buy('1000000.00', { unitRegionCode: '360121' }), buy('1000000.00', { unitRegionCode: '360121' })],
      1,
    ],
  ])('%s', (_what, purchases, flags) => {
    expect(splitPurchases(purchases, settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it.each([
    ['no amount', buy(null)],
    ['no category', buy('2000000.00', { category: null })],
    ['no budget year', buy('2000000.00', { budgetYear: null })],
    ['no unit', buy('2000000.00', { procurementUnitId: null })],
  ])('a purchase with %s is left out', (_what, missing) => {
    expect(splitPurchases([buy('2000000.00'), missing], settings, RISK_CONTEXT)).toEqual([]);
  });

  it('one flag per unit, naming each year and category it found', () => {
    const flags = splitPurchases(
      [buy('2000000.00'), buy('2000000.00'), buy('3000000.00', { category: 'services' }), buy('1000000.00', { category: 'services' })],
      settings,
      RISK_CONTEXT,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      subjectType: 'ProcurementUnit',
      subjectId: '3',
      subjectLabel: '南昌市某局',
      regionCode: '360100',
      amount: '8000000.00',
      severity: 'red',
      score: '24000000.00',
      figures: {
        '2026年度货物': '2 笔，每笔低于公开招标数额标准，合计 4,000,000.00 元，达到标准 4,000,000.00 元',
        '2026年度服务': '2 笔，每笔低于公开招标数额标准，合计 4,000,000.00 元，达到标准 4,000,000.00 元',
        涉及金额合计: '8,000,000.00 元',
      },
    });
  });
});
