import type { FieldSpec } from './field-types.js';

/**
 * The most characters a declared text may hold: a `text(length)` column's length, or the upper bound of a long
 * text's `validate: { len }`; undefined where nothing limits it.
 */
export function lengthLimitOf(field: FieldSpec): number | undefined {
  if (field.kind === 'text') return field.length;
  if (field.kind !== 'longText') return undefined;
  const len = field.validate?.len;
  if (!len) return undefined;
  return ('args' in len ? len.args : len)[1];
}
