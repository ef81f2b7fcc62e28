import { describe, expect, it } from '@jest/globals';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, validateCreditCode } from '../../domain/credit-code.js';

describe('creditCodeCheckChar', () => {
  it.each([
    // Worked by hand: weighted sum 0 → (31 - 0) % 31 = 0.
    ['00000000000000000', '0'],
    // Σ index×weight for 1 followed by zeros is 1 → 31 - 1 = 30 → 'Y'.
    ['10000000000000000', 'Y'],
    ['91350100M000100Y4', '3'],
    ['91360100MA35F0000', 'C'],
    ['12360000014500000', 'D'],
  ])('%s → %s', (first17, expected) => {
    expect(creditCodeCheckChar(first17)).toBe(expected);
  });

  it.each([['1234'], ['91350100M000100Y43'], ['91350100I000100Y4'], ['91350100m000100Y4']])('rejects unusable input %s', (first17) => {
    expect(() => creditCodeCheckChar(first17)).toThrow(RangeError);
  });

  it('uses the 31-symbol alphabet of GB 32100-2015', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    expect(CREDIT_CODE_CHARSET).not.toMatch(/[IOSVZ]/);
  });
});

describe('validateCreditCode', () => {
  it.each([['91350100M000100Y43'], ['914403001922038216'], ['9144030071526726XG'], ['91330100799655058B'], ['911100001000080343']])(
    'accepts the published code %s',
    (code) => {
      expect(validateCreditCode(code)).toEqual({ valid: true });
    },
  );

  it.each(['91360100MA35F0000', '12360000014500000', '52360000MJD000001', '93360121MA00000XY'])(
    'accepts a generated code built from %s',
    (first17) => {
      expect(validateCreditCode(first17 + creditCodeCheckChar(first17))).toEqual({ valid: true });
    },
  );

  it.each<[string, RegExp]>([
    ['', /不能为空/],
    ['91350100M000100Y4', /应为18位，实际为17位/],
    ['91350100M000100Y433', /应为18位，实际为19位/],
    ['91350100I000100Y43', /第9位字符“I”不合法/],
    ['91350100O000100Y43', /第9位字符“O”不合法/],
    ['91350100m000100y43', /第9位字符“m”不合法（字母须大写）/],
    ['91350100M000100Y4-', /第18位字符“-”不合法/],
    ['91350100M000100Y42', /校验位错误：第18位应为“3”，实际为“2”/],
    ['91350100M000100Y34', /校验位错误/],
    ['914403001922038217', /第18位应为“6”/],
  ])('rejects %j', (code, message) => {
    const result = validateCreditCode(code);
    expect(result.valid).toBe(false);
    expect(result.message).toMatch(message);
  });

  it('catches every single-character substitution of a valid code', () => {
    const valid = '91350100M000100Y43';
    for (let i = 0; i < 18; i++) {
      for (const ch of CREDIT_CODE_CHARSET) {
        if (ch === valid[i]) continue;
        const mutated = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(validateCreditCode(mutated).valid).toBe(false);
      }
    }
  });
});
