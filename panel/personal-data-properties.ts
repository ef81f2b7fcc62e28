import type { PropertyOptions } from 'adminjs';
import type { AnyRecordDeclaration } from '../db/record/field-types.js';
import { personalFieldsOf } from '../db/record/personal-fields.js';

/**
 * Personal data (contact phones) in the panel: its column holds the masked number, so a list cannot be sorted by it
 * (that would order rows by their masks), and its filter finds a whole number exactly (filter-to-where.ts), not a part.
 */
export function personalDataProperties(declaration: AnyRecordDeclaration | undefined): Record<string, PropertyOptions> {
  return Object.fromEntries(personalFieldsOf(declaration?.fields ?? {}).map(([name]) => [name, { isSortable: false }]));
}
