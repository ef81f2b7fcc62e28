import { describe, expect, it } from '@jest/globals';
import { validateItems, type IntegrationKind } from '../../domain/integration-items.js';
import { integrationOpenApi } from '../../http/integration/openapi.js';

/** The API's document is generated from the schemas that check the items: a value it allows is a value we accept. */
const schemas = integrationOpenApi().components.schemas as Record<string, any>;
const UPDATED = '2026-11-20T09:30:00+08:00';
const VALID: Record<IntegrationKind, Record<string, unknown>> = {
  budgets: {
    budgetLineId: 'ZB-2026-0001',
    fiscalYear: 2026,
    regionCode: '360121',
    unitBudgetCode: '101001',
    unitName: '南昌县教育局',
    projectName: '教学设备采购',
    categoryCode: 'A02010104',
    amount: '120000.00',
    fundType: '一般公共预算',
    updatedAt: UPDATED,
  },
  units: { unitBudgetCode: '101001', unitName: '南昌县教育局', creditCode: '11360121MB1234567X', regionCode: '360121', updatedAt: UPDATED },
  'payment-vouchers': {
    voucherNo: 'PZ-1',
    budgetLineId: 'ZB-2026-0001',
    contractNo: null,
    payeeName: '江西某某科技有限公司',
    amount: 100,
    paidAt: UPDATED,
  },
};
const SCHEMA_OF: Record<IntegrationKind, string> = { budgets: 'Budget', units: 'Unit', 'payment-vouchers': 'PaymentVoucher' };
const accepted = (kind: IntegrationKind, field: string, value: unknown) =>
  validateItems(kind, [{ ...VALID[kind], [field]: value }], new Date('2026-11-21T00:00:00Z')).valid.length === 1;
const documented = (kind: IntegrationKind, field: string, value: string) => {
  const property = schemas[SCHEMA_OF[kind]].properties[field];
  return (
    new RegExp(property.pattern ?? '').test(value) &&
    value.length <= (property.maxLength ?? Infinity) &&
    value.length >= (property.minLength ?? 0)
  );
};

describe('the 一体化 OpenAPI document and the item checks', () => {
  it.each(Object.keys(VALID) as IntegrationKind[])(
    '%s: the documented required fields are the checked ones, and a valid item passes',
    (kind) => {
      expect(accepted(kind, '_', undefined)).toBe(true);
      const required = schemas[SCHEMA_OF[kind]].required as string[];
      expect(required.length).toBeGreaterThan(3);
      for (const field of required) {
        expect({ field, accepted: accepted(kind, field, undefined) }).toEqual({ field, accepted: false });
      }
    },
  );

  const samples: Array<[IntegrationKind, string, string[]]> = [
    [
      'units',
      'creditCode',
      [
        '11360121MB1234567X',
        '91360100MA35ABCD1Q',
        '9136010OMA35ABCD1Q',
        '91A60100MA35ABCD1Q',
        '11360121MB1234567',
        'I1360121MB1234567X',
        '11360121mb1234567x',
      ],
    ],
    ['budgets', 'budgetLineId', ['ZB-2026-0001', 'zb.2026_1', 'ZB 2026', '指标1', 'x'.repeat(64), 'x'.repeat(65), '']],
    ['payment-vouchers', 'budgetLineId', ['ZB-2026-0001', 'ZB/2026', 'x'.repeat(65)]],
    ['budgets', 'regionCode', ['360121', '36012', '3601210']],
  ];
  it.each(samples)('%s.%s: the document allows exactly what the check accepts', (kind, field, values) => {
    expect(values.length).toBeGreaterThan(2);
    for (const value of values) {
      expect({ value, documented: documented(kind, field, value) }).toEqual({ value, documented: accepted(kind, field, value) });
    }
  });
});
