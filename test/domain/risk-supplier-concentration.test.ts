import { describe, expect, it } from '@jest/globals';
import { supplierConcentration, type UnitAwardInput } from '../../domain/risk/supplier-concentration.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ minShare: 0.5, minAwards: 3 });
const award = (supplier: string, amount: string | null, over: Partial<UnitAwardInput> = {}): UnitAwardInput => ({
  procurementUnitId: 6,
  unitName: '某县教育局',
  unitRegionCode: '360121',
  supplierCreditCode: supplier,
  supplierName: `供应商${supplier}`,
  awardAmount: amount,
  issuedAt: '2026-05-01T10:00:00+08:00',
  ...over,
});

describe('供应商集中 supplierConcentration (more than 50%, at least 3 awards)', () => {
  it.each([
    ['exactly half', [award('A', '500000.00'), award('B', '300000.00'), award('C', '200000.00')], 0],
    ['half and 1 fen', [award('A', '500000.01'), award('B', '300000.00'), award('C', '200000.00')], 1],
    ['two awards only (below the minimum count)', [award('A', '900000.00'), award('B', '100000.00')], 0],
    ['three awards, two to the same supplier', [award('A', '300000.00'), award('A', '300000.00'), award('B', '400000.00')], 1],
    [
      'awards of two years are not added up',
      [award('A', '900000.00'), award('B', '50000.00', { issuedAt: '2025-05-01' }), award('C', '50000.00', { issuedAt: '2025-06-01' })],
      0,
    ],
  ])('%s', (_what, awards, flags) => {
    expect(supplierConcentration(awards, settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('names the supplier, its share and the unit', () => {
    const [flag] = supplierConcentration(
      [award('A', '300000.00'), award('A', '300000.00'), award('B', '400000.00')],
      settings,
      RISK_CONTEXT,
    );
    expect(flag).toMatchObject({
      subjectType: 'ProcurementUnit',
      subjectId: '6',
      subjectLabel: '某县教育局',
      regionCode: '360121',
      amount: '600000.00',
      figures: { '2026年 供应商A': '中标 2 次共 600,000.00 元，占该单位全年 3 次授标金额 1,000,000.00 元 的 60.00%' },
    });
  });

  it.each([
    ['no unit', { procurementUnitId: null }],
    ['no amount', { awardAmount: null }],
    ['no date', { issuedAt: null }],
  ])('an award with %s is left out', (_what, over) => {
    expect(supplierConcentration([award('A', '900000.00', over), award('B', '1.00'), award('C', '1.00')], settings, RISK_CONTEXT)).toEqual(
      [],
    );
  });
});
