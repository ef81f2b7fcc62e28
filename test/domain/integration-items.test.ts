import { describe, expect, it } from '@jest/globals';
import { ALLOWED_CLOCK_SKEW_MS, validateItems } from '../../domain/integration-items.js';

const budget = {
  budgetLineId: 'ZB2026-360121-000001',
  fiscalYear: 2026,
  regionCode: '360121',
  unitBudgetCode: '3601210001',
  unitName: '南昌县教育局',
  projectName: '2026年办公设备购置',
  categoryCode: 'A02010104',
  amount: '125000.50',
  fundType: '一般公共预算',
  updatedAt: '2026-11-20T09:30:00+08:00',
};

describe('validateItems', () => {
  it('takes well-formed budgets, keeping amounts as exact decimal strings', () => {
    const { valid, rejected } = validateItems('budgets', [budget, { ...budget, budgetLineId: 'ZB-2', amount: 99.9 }]);
    expect(rejected).toEqual([]);
    expect(valid.map((v) => v.index)).toEqual([0, 1]);
    expect((valid[1]!.item as any).amount).toBe('99.9');
  });

  it.each([
    ['amount', { amount: '12.345' }, '两位小数'],
    ['amount', { amount: -5 }, '大于 0'],
    ['fiscalYear', { fiscalYear: '2026' }, '年度'],
    ['regionCode', { regionCode: '36012' }, '6 位'],
    ['updatedAt', { updatedAt: '2026-13-45' }, 'ISO 8601'],
    ['budgetLineId', { budgetLineId: '' }, '不能为空'],
    ['unitBudgetCode', { unitBudgetCode: '36 01' }, '字母、数字'],
  ])('reports %s by index and field with a Chinese message', (field, change, text) => {
    const { valid, rejected } = validateItems('budgets', [budget, { ...budget, budgetLineId: 'ZB-X', ...change }]);
    expect(valid.map((v) => v.index)).toEqual([0]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.index).toBe(1);
    expect(rejected[0]!.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(rejected[0]!.errors.find((e) => e.field === field)!.message).toContain(text);
  });

  it('names a missing required field', () => {
    const { projectName: _omitted, ...rest } = budget;
    const { rejected } = validateItems('budgets', [rest]);
    expect(rejected[0]!.errors).toEqual([{ field: 'projectName', message: expect.stringContaining('必填') }]);
  });

  it('rejects an item that is not an object', () => {
    const { rejected } = validateItems('units', ['x', null, [1]]);
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('reports a natural key repeated within one batch, keeping the first', () => {
    const { valid, rejected } = validateItems('budgets', [budget, { ...budget, amount: '1.00' }]);
    expect(valid.map((v) => v.index)).toEqual([0]);
    expect(rejected).toEqual([{ index: 1, errors: [{ field: 'budgetLineId', message: expect.stringContaining('第 0 项重复') }] }]);
  });

  it('checks unit credit codes and voucher fields', () => {
    const unit = {
      unitBudgetCode: '3601210001',
      unitName: '南昌县教育局',
      creditCode: '11360121MB1234567X',
      regionCode: '360121',
      updatedAt: '2026-11-20',
    };
    expect(validateItems('units', [unit, { ...unit, unitBudgetCode: 'B', creditCode: 'ABC' }]).rejected).toEqual([
      { index: 1, errors: [{ field: 'creditCode', message: expect.stringContaining('18 位') }] },
    ]);
    const voucher = {
      voucherNo: 'PZ1',
      budgetLineId: 'ZB-1',
      contractNo: null,
      payeeName: '某公司',
      amount: 10,
      paidAt: '2026-11-20T10:00:00Z',
    };
    const result = validateItems('payment-vouchers', [voucher, { ...voucher, voucherNo: 'PZ2', paidAt: '昨天' }]);
    expect(result.valid).toHaveLength(1);
    expect(result.rejected[0]!.errors[0]!.field).toBe('paidAt');
  });
});

describe('validateItems: characters no stored text may hold', () => {
  it.each([
    ['a NUL', '2026年办公\u0000设备购置', 'U+0000'],
    ['a tab inside', '2026年办公\t设备购置', 'U+0009'],
    ['a line feed inside', '2026年办公\n设备购置', 'U+000A'],
    ['an escape', '\u001b[31m办公设备', 'U+001B'],
    ['DEL', '办公设备\u007f购置', 'U+007F'],
    ['a C1 control', '办公设备\u0085购置', 'U+0085'],
    ['a lone high surrogate', '办公设备\ud83d购置', 'U+D83D'],
    ['a lone low surrogate', '\ude00办公设备', 'U+DE00'],
  ])('rejects %s by index and field, naming the character, and takes the other items', (_name, projectName, named) => {
    const { valid, rejected } = validateItems('budgets', [
      budget,
      { ...budget, budgetLineId: 'ZB-2', projectName },
      { ...budget, budgetLineId: 'ZB-3' },
    ]);
    expect(valid.map((v) => v.index)).toEqual([0, 2]);
    expect(rejected).toEqual([{ index: 1, errors: [{ field: 'projectName', message: expect.stringContaining(named) }] }]);
  });

  it('takes paired surrogates (an emoji), and trims line breaks at either end as before', () => {
    const { valid, rejected } = validateItems('budgets', [
      { ...budget, projectName: '办公设备购置😀' },
      { ...budget, budgetLineId: 'ZB-2', unitName: '南昌县教育局\r\n' },
    ]);
    expect(rejected).toEqual([]);
    expect((valid[1]!.item as any).unitName).toBe('南昌县教育局');
  });

  it('checks every text field of every kind', () => {
    const unit = {
      unitBudgetCode: '3601210001',
      unitName: '南昌县\u0000教育局',
      creditCode: '11360121MB1234567X',
      regionCode: '360121',
      updatedAt: '2026-11-20',
    };
    expect(validateItems('units', [unit]).rejected[0]!.errors).toEqual([
      { field: 'unitName', message: expect.stringContaining('控制字符') },
    ]);
    const voucher = {
      voucherNo: 'PZ1',
      budgetLineId: 'ZB-1',
      contractNo: 'HT\u00001',
      payeeName: '某\ud800公司',
      amount: 10,
      paidAt: '2026-11-20T10:00:00Z',
    };
    expect(
      validateItems('payment-vouchers', [voucher])
        .rejected[0]!.errors.map((e) => e.field)
        .sort(),
    ).toEqual(['contractNo', 'payeeName']);
    expect(
      validateItems('budgets', [{ ...budget, fundType: '一般\u0001公共预算', budgetLineId: 'ZB\u0000' }])
        .rejected[0]!.errors.map((e) => e.field)
        .sort(),
    ).toEqual(['budgetLineId', 'fundType']);
  });
});

describe("validateItems: an item's time may not lie in the future", () => {
  const receivedAt = new Date('2026-11-20T02:00:00Z');

  it('takes a time up to the allowed clock skew past the receipt, and refuses a later one by index and field', () => {
    const justInside = new Date(receivedAt.getTime() + ALLOWED_CLOCK_SKEW_MS).toISOString();
    const justOutside = new Date(receivedAt.getTime() + ALLOWED_CLOCK_SKEW_MS + 1).toISOString();
    const { valid, rejected } = validateItems(
      'budgets',
      [
        { ...budget, updatedAt: justInside },
        { ...budget, budgetLineId: 'ZB-2', updatedAt: justOutside },
        { ...budget, budgetLineId: 'ZB-3', updatedAt: '9999-12-31T23:59:59Z' },
      ],
      receivedAt,
    );
    expect(valid.map((v) => v.index)).toEqual([0]);
    expect(rejected).toEqual([
      { index: 1, errors: [{ field: 'updatedAt', message: expect.stringContaining('晚于本批次的接收时间') }] },
      { index: 2, errors: [{ field: 'updatedAt', message: expect.stringContaining('9999-12-31') }] },
    ]);
    expect(ALLOWED_CLOCK_SKEW_MS).toBe(5 * 60_000);
  });

  it("checks a unit's updatedAt and a voucher's paidAt, and a refused item does not hide a later one with its key", () => {
    const unit = {
      unitBudgetCode: '3601210001',
      unitName: '南昌县教育局',
      creditCode: '11360121MB1234567X',
      regionCode: '360121',
      updatedAt: '2027-01-01',
    };
    expect(validateItems('units', [unit, { ...unit, updatedAt: '2026-11-19' }], receivedAt)).toMatchObject({
      valid: [{ index: 1 }],
      rejected: [{ index: 0, errors: [{ field: 'updatedAt' }] }],
    });
    const voucher = {
      voucherNo: 'PZ1',
      budgetLineId: 'ZB-1',
      contractNo: null,
      payeeName: '某公司',
      amount: 10,
      paidAt: '2026-11-21T10:00:00Z',
    };
    expect(validateItems('payment-vouchers', [voucher], receivedAt).rejected).toEqual([
      { index: 0, errors: [{ field: 'paidAt', message: expect.any(String) }] },
    ]);
  });
});

describe('validateItems: every message is ours', () => {
  it('answers a wrongly typed optional field in Chinese too', () => {
    const voucher = {
      voucherNo: 'PZ1',
      budgetLineId: 'ZB-1',
      contractNo: 42,
      payeeName: '某公司',
      amount: 10,
      paidAt: '2026-11-20T10:00:00Z',
    };
    expect(validateItems('payment-vouchers', [voucher]).rejected).toEqual([
      { index: 0, errors: [{ field: 'contractNo', message: '应为字符串或 null' }] },
    ]);
  });
});
