import type { PropertyOptions } from 'adminjs';
import type { FieldSpec } from '../db/record/field-types.js';
import { amountWord, precisionOf } from '../db/record/amount-fields.js';
import { METHOD_LABELS } from '../domain/procurement-methods.js';

/** Yuan shown as 1,499,136.20 everywhere: two decimals, grouped, whatever the engine returns for DECIMAL. */
export const MONEY: PropertyOptions = {
  type: 'currency',
  props: { decimalScale: 2, decimalSeparator: '.', groupSeparator: ',' },
};

/**
 * A money field of a form, with what its edit field needs to say what the server will refuse: the column's DECIMAL
 * precision and scale as declared, and the word for the field in a sentence.
 */
export function moneyProperty(field: FieldSpec): PropertyOptions {
  return { ...MONEY, custom: { precision: precisionOf(field), word: amountWord(field) } };
}

/** Procurement methods are stored as codes (public_tender) and always shown and filtered by their Chinese names. */
export const PROCUREMENT_METHOD: PropertyOptions = {
  availableValues: Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label })),
};
