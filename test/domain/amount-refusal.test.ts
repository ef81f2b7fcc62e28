import { describe, expect, test } from '@jest/globals';
import { amountRefusal, normalAmount } from '../../domain/money.js';

const MONEY = [15, 2] as const;

describe('amountRefusal', () => {
  test.each([
    ['4999.99', null],
    ['0.01', null],
    ['+12.', null],
    [5, null],
    ['9999999999999.99', null],
    ['', '请填写单价'],
    ['abc', '单价必须是数字（如 4999.50），不带逗号、空格或单位'],
    ['.', '单价必须是数字（如 4999.50），不带逗号、空格或单位'],
    ['1 000', '单价必须是数字（如 4999.50），不带逗号、空格或单位'],
    ['-5', '单价必须大于 0'],
    ['0.00', '单价必须大于 0'],
    ['4999.999', '单价最多 2 位小数（填写的 4999.999 有 3 位），请改正，系统不会自动舍入'],
    ['10000000000000', '单价过大：最多 13 位整数（不超过 9,999,999,999,999.99 元）'],
  ])('%p → %p', (raw, message) => {
    expect(amountRefusal(raw, '单价', MONEY)).toBe(message);
  });

  test('a scale of 0 allows no decimals', () => {
    expect(amountRefusal('3.5', '数量', [10, 0])).toBe('数量最多 0 位小数（填写的 3.5 有 1 位），请改正，系统不会自动舍入');
  });

  test('normalAmount keeps every digit that was accepted', () => {
    expect(normalAmount('+0012.')).toBe('12');
    expect(normalAmount(' 4999.90 ')).toBe('4999.90');
    expect(normalAmount('.5')).toBe('0.5');
  });
});
