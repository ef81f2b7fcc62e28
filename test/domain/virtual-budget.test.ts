import { describe, expect, test } from '@jest/globals';
import { parseVirtualBudgetInput, virtualBudgetNo } from '../../domain/virtual-budget.js';

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
    ['amount', '1,000', '预算金额必须是数字，最多两位小数，不带逗号或单位'],
    ['amount', '12.345', '预算金额必须是数字，最多两位小数，不带逗号或单位'],
    ['amount', '0', '预算金额必须大于 0'],
    ['amount', '1000000000000', '预算金额过大（最多 999,999,999,999.99 元）'],
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
