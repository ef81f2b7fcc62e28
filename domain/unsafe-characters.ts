/**
 * Characters that no text pushed by the 一体化 platform may carry. Every text field there is a one-line name (项目名称,
 * 单位名称, 资金性质, 收款人…) shown in list cells and written into Excel files, so every control character is refused,
 * tab, line feed and carriage return too (leading and trailing ones are trimmed before this check, as before): a NUL
 * cannot be stored by PostgreSQL at all, and C0 characters other than tab and line breaks make an XLSX file invalid.
 * An unpaired UTF-16 surrogate has no UTF-8 form: the drivers would silently store U+FFFD in its place.
 */
const CONTROL = /\p{Cc}/u;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (unit: number) => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text may not be taken (a Chinese sentence naming the character and its place), or null when it may. */
export function unsafeCharacterIn(value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) return `含有控制字符 ${codePoint(control[0].charCodeAt(0))}（第 ${control.index + 1} 个字符），文本中不能包含控制字符`;
  const surrogate = UNPAIRED_SURROGATE.exec(value);
  if (surrogate)
    return `含有不成对的 UTF-16 代理项 ${codePoint(surrogate[0].charCodeAt(0))}（第 ${surrogate.index + 1} 个字符），文本编码已损坏`;
  return null;
}
