/**
 * How a limited text is measured, in the forms as on the server: characters, as a reader counts them (汉字 one each),
 * without the blanks at either end, which no one means to keep.
 */
export const textLength = (value: string): number => value.trim().length;

/** Why a text is longer than its field allows, naming the field, the limit and the count; null when it fits. */
export function lengthRefusal(value: string, word: string, max: number): string | null {
  const length = textLength(value);
  return length > max ? `${word}不能超过 ${max} 个字（当前 ${length} 个字）` : null;
}
