import { describe, expect, it } from '@jest/globals';
import { validateItems } from '../../domain/integration-items.js';

const budget = {
  budgetLineId: 'ZB2026-360121-000001', fiscalYear: 2026, regionCode: '360121', unitBudgetCode: '3601210001',
  unitName: '南昌县教育局', projectName: '2026年办公设备购置', categoryCode: 'A02010104', amount: '125000.50',
  fundType: '一般公共预算', updatedAt: '2026-11-20T09:30:00+08:00',
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
    const unit = { unitBudgetCode: '3601210001', unitName: '南昌县教育局', creditCode: '11360121MB1234567X', regionCode: '360121', updatedAt: '2026-11-20' };
    expect(validateItems('units', [unit, { ...unit, unitBudgetCode: 'B', creditCode: 'ABC' }]).rejected)
      .toEqual([{ index: 1, errors: [{ field: 'creditCode', message: expect.stringContaining('18 位') }] }]);
    const voucher = { voucherNo: 'PZ1', budgetLineId: 'ZB-1', contractNo: null, payeeName: '某公司', amount: 10, paidAt: '2026-11-20T10:00:00Z' };
    const result = validateItems('payment-vouchers', [voucher, { ...voucher, voucherNo: 'PZ2', paidAt: '昨天' }]);
    expect(result.valid).toHaveLength(1);
    expect(result.rejected[0]!.errors[0]!.field).toBe('paidAt');
  });
});
