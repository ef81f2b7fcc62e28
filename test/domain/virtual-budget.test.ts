import { describe, expect, test } from '@jest/globals';
import { parseVirtualBudgetInput as parseWith, virtualBudgetNo } from '../../domain/virtual-budget.js';

/** DECIMAL(15,2), as the record declares the amount. */
const parseVirtualBudgetInput = (payload: Record<string, unknown>) => parseWith(payload, [15, 2]);

const good = {
  fiscalYear: '2026',
  projectName: '2026年物业管理服务（一招三年）',
  category: 'services',
  amount: '360000.00',
  fundSource: '一般公共预算',
  scenario: 'multi_year_service',
  remark: '',
};

describe('parseVirtualBudgetInput', () => {
  test('accepts a complete form and normalises it', () => {
    expect(parseVirtualBudgetInput(good)).toEqual({
      ok: true,
      value: {
        fiscalYear: 2026,
        projectName: '2026年物业管理服务（一招三年）',
        category: 'services',
        amount: '360000.00',
        fundSource: '一般公共预算',
        scenario: 'multi_year_service',
        remark: null,
      },
    });
  });

  test.each([
    ['scenario', '', '请选择新增预算的适用场景（五种之一）'],
    ['scenario', 'whatever', '请选择新增预算的适用场景（五种之一）'],
    ['amount', '1,000', '预算金额必须是数字（如 4999.50），不带逗号、空格或单位'],
    ['amount', '12.345', '预算金额最多 2 位小数（填写的 12.345 有 3 位），请改正，系统不会自动舍入'],
    ['amount', '0', '预算金额必须大于 0'],
    ['amount', '-5', '预算金额必须大于 0'],
    ['amount', '10000000000000', '预算金额过大：最多 13 位整数（不超过 9,999,999,999,999.99 元）'],
    ['amount', '', '请填写预算金额'],
    ['fiscalYear', '26', '预算年度必须在 2000 至 2100 之间'],
    ['fiscalYear', '', '请填写预算年度'],
    ['fiscalYear', 'abcd', '预算年度必须是四位年份'],
    ['projectName', '   ', '请填写项目名称'],
    ['category', 'food', '请选择品目类别（货物、工程或服务）'],
    ['fundSource', '其他', expect.stringContaining('请选择资金性质')],
  ])('%s = %p is refused with a field message', (field, value, message) => {
    const parsed = parseVirtualBudgetInput({ ...good, [field]: value });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[field]).toEqual(message);
    expect(Object.keys(parsed.errors)).toEqual([field]);
  });

  test('reports every bad field at once', () => {
    const parsed = parseVirtualBudgetInput({});
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['amount', 'category', 'fiscalYear', 'fundSource', 'projectName', 'scenario']);
  });
});

test('virtualBudgetNo is readable and zero-padded', () => {
  expect(virtualBudgetNo(2026, '360100', 7)).toBe('XN202636010000007');
});
