import { describe, expect, it } from '@jest/globals';
import { maskPhone, normalisePhone, phoneRefusal } from '../../domain/phone-number.js';
import { readsPersonalDataInFull } from '../../domain/personal-data-access.js';

describe('normalisePhone', () => {
  it.each([
    ['0791-88123027', '079188123027'],
    [' 0791 8812 3027 ', '079188123027'],
    ['（0791）88123027', '079188123027'],
    ['０７９１－８８１２３０２７', '079188123027'],
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['+86 791 88123027', '+8679188123027'],
    ['0791-88123027转806', '079188123027#806'],
    ['0791-88123027 ext. 806', '079188123027#806'],
    ['abc', ''],
  ])('%s → %s', (typed, expected) => {
    expect(normalisePhone(typed)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['0791-88123027', '0791-****027'],
    ['0791-8812302', '0791-****302'],
    ['010-62345678', '010-****678'],
    ['0791-88123027转806', '0791-****027'],
    ['95566', '95****66'],
    ['110', '****'],
  ])('%s → %s', (typed, expected) => {
    expect(maskPhone(typed)).toBe(expected);
  });

  it('never keeps five digits in a row, and fits the column', () => {
    for (const typed of ['13812345678', '0791-88123027', '123456789012345678901234567890', '8888888']) {
      expect(maskPhone(typed)).not.toMatch(/\d{5}/);
      expect(maskPhone(typed).length).toBeLessThanOrEqual(30);
    }
  });
});

describe('phoneRefusal', () => {
  it('takes the usual forms', () => {
    for (const typed of ['0791-88123027', '13812345678', '+86 138 1234 5678', '（0791）88123027', '0791-88123027转806']) {
      expect(phoneRefusal(typed)).toBeNull();
    }
  });

  it.each([
    ['请致电张经理', '联系电话只能包含数字、空格、+、-、括号和“转”分机号'],
    ['12345', '联系电话应为 7–20 位数字，如 0791-88123027 或 13812345678'],
    ['1'.repeat(31), '联系电话不能超过 30 个字符'],
  ])('refuses %s', (typed, message) => {
    expect(phoneRefusal(typed)).toBe(message);
  });
});

describe('readsPersonalDataInFull', () => {
  it('the supervising offices read a record whole; administrators and the unknown do not', () => {
    for (const role of ['province', 'city', 'county', 'gongguanban']) expect(readsPersonalDataInFull(role)).toBe(true);
    for (const role of ['admin', 'security', 'auditor', '', undefined]) expect(readsPersonalDataInFull(role)).toBe(false);
  });
});
