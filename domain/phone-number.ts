/**
 * Contact phone numbers as personal data (个人信息): one form to find them by, a masked form to list them in, and what a
 * form may take. A number is found by exactly its digits, however it was typed: 0791-88123027, 0791 8812 3027 and
 * （0791）88123027 are one number, and so are +86 138 1234 5678 and 13812345678.
 */

/** Longest number a form takes, as the columns always held (30 characters). */
export const PHONE_MAX_LENGTH = 30;

const MOBILE = /^1\d{10}$/;

/**
 * The digits that identify the number: full-width forms folded (NFKC), separators dropped, the country code +86 /
 * 0086 before a mobile number dropped; an extension (转 / ext / #) stays, after a `#`.
 */
export function normalisePhone(value: string): string {
  const text = value.normalize('NFKC').trim().toLowerCase();
  const [number = '', ...extension] = text.split(/\s*(?:转|ext\.?|#)\s*/);
  let digits = number.replace(/[^\d+]/g, '');
  const withoutCountry = digits.replace(/^(?:\+|00)86/, '');
  if (withoutCountry !== digits && MOBILE.test(withoutCountry)) digits = withoutCountry;
  const ext = extension.join('').replace(/\D/g, '');
  return ext ? `${digits}#${ext}` : digits;
}

/**
 * How a list, an export or a form shows the number to someone who may not see it whole: a mobile as 138****5678, a
 * landline as its area code and last three digits (0791-****027); anything else keeps its first two and last two.
 */
export function maskPhone(value: string): string {
  const normalised = normalisePhone(value).split('#')[0]!;
  if (MOBILE.test(normalised)) return `${normalised.slice(0, 3)}****${normalised.slice(7)}`;
  // An area code is 3 digits for the big cities (010, 02x), else 4 (0791): what follows is the local number.
  const landline = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(normalised);
  if (landline) return `${landline[1]}-****${landline[2]!.slice(-3)}`;
  if (normalised.length <= 4) return '*'.repeat(Math.max(normalised.length, 4));
  return `${normalised.slice(0, 2)}****${normalised.slice(-2)}`;
}

/** Why a typed contact phone cannot be stored, or null: digits with the usual separators, 7 to 20 digits. */
export function phoneRefusal(value: string): string | null {
  const text = value.trim();
  if (text.length > PHONE_MAX_LENGTH) return `联系电话不能超过 ${PHONE_MAX_LENGTH} 个字符`;
  if (!/^[\d\s+()（）\-－—转#ext.]*$/i.test(text.normalize('NFKC'))) return '联系电话只能包含数字、空格、+、-、括号和“转”分机号';
  const digits = normalisePhone(text).split('#')[0]!.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 20) return '联系电话应为 7–20 位数字，如 0791-88123027 或 13812345678';
  return null;
}
