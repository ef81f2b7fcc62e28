import { maskPhone, normalisePhone } from '../../domain/phone-number.js';
import type { PersonalField } from '../record/field-types.js';
import { personalIndex, sealPersonal } from './personal-cipher.js';

/** What a personal field's three columns hold for one value: masked, sealed, indexed; all null for no value. */
export interface PersonalColumns {
  masked: string | null;
  sealed: string | null;
  index: string | null;
}

/** `table.column`: what a sealed value is bound to, so it opens only where it was written. */
export const sealedColumnOf = (table: string, field: string): string =>
  `${table}.${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;

/** The three columns of `value` (as typed, trimmed) for the personal field of `table` named `field`. */
export function personalColumns(personal: PersonalField, value: unknown, table: string, field: string): PersonalColumns {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (!text) return { masked: null, sealed: null, index: null };
  return {
    masked: maskPhone(text),
    sealed: sealPersonal(text, sealedColumnOf(table, field)),
    index: personalIndex(personal.kind, normalisePhone(text)),
  };
}

/** The index a typed value is looked up by: the same normalisation as when it was stored. */
export function personalSearchIndex(personal: PersonalField, typed: string): string {
  return personalIndex(personal.kind, normalisePhone(typed));
}
