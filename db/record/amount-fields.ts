import { amountRefusal } from '../../domain/money.js';
import type { FieldSpec } from './field-types.js';

/** A decimal field's DECIMAL(precision, scale), as declared; asking it of another kind of field is a programming error. */
export function precisionOf(field: FieldSpec): readonly [number, number] {
  if (field.kind !== 'decimal' || !field.precision) throw new Error(`not a decimal field: ${field.label?.zh ?? field.kind}`);
  return field.precision;
}

/** The field's name in a sentence: its label without the unit the column header carries (预算金额（元） → 预算金额). */
export const amountWord = (field: FieldSpec): string => (field.label?.zh ?? '金额').replace(/（元）$/, '');

/** Why a typed amount does not fit the declared money/decimal field (see amountRefusal), or null. */
export function declaredAmountRefusal(field: FieldSpec, raw: unknown): string | null {
  return amountRefusal(raw, amountWord(field), precisionOf(field));
}
