/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters, the last one a mod-31 check character.
 */

// 31 characters: the mod-31 checksum needs one symbol per residue, so M is included
// (only I, O, S, V, Z are left out).
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const CREDIT_CODE_LENGTH = 18;

export interface CreditCodeResult {
  valid: boolean;
  message?: string;
}

function findIllegal(text: string): { index: number; char: string } | null {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (!CREDIT_CODE_CHARSET.includes(ch)) return { index: i, char: ch };
  }
  return null;
}

function illegalMessage(index: number, char: string): string {
  // I, O, S, V, Z are excluded by the standard because they read like 1, 0, 5, U, 2;
  // lowercase letters are the most common slip, so say so.
  const hint = /[a-z]/.test(char) ? '（字母须大写）' : '（不允许使用 I、O、S、V、Z 及其他符号）';
  return `统一社会信用代码第${index + 1}位字符“${char}”不合法${hint}`;
}

/** Check character for the first 17 characters; throws when they cannot be part of a code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) {
    throw new RangeError(`计算校验码需要17位本体代码，实际为${first17.length}位`);
  }
  const bad = findIllegal(first17);
  if (bad) throw new RangeError(illegalMessage(bad.index, bad.char));
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function validateCreditCode(code: string): CreditCodeResult {
  if (typeof code !== 'string' || code.length === 0) {
    return { valid: false, message: '统一社会信用代码不能为空' };
  }
  if (code.length !== CREDIT_CODE_LENGTH) {
    return {
      valid: false,
      message: `统一社会信用代码应为18位，实际为${code.length}位`,
    };
  }
  const bad = findIllegal(code);
  if (bad) return { valid: false, message: illegalMessage(bad.index, bad.char) };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (actual !== expected) {
    return {
      valid: false,
      message: `统一社会信用代码校验位错误：第18位应为“${expected}”，实际为“${actual}”，请核对代码是否录入有误`,
    };
  }
  return { valid: true };
}
