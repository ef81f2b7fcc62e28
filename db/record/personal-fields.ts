import type { FieldSpec, Label } from './field-types.js';
import { text } from './fields.js';

/** Room for the longest sealed phone: 30 characters of up to 3 UTF-8 bytes, padded, with IV, tag and key id. */
const SEALED_LENGTH = 255;
/** Lowercase hex HMAC-SM3. */
const INDEX_LENGTH = 64;

type Nullable<T, N extends boolean> = N extends true ? T | null : T;

/**
 * A contact phone as personal data, in three columns under the record's own name: `<name>` holds only the masked
 * number (what lists and exports show, 138****5678), `<name>Sealed` the number sealed with SM4
 * (db/personal-data/personal-cipher.ts) and `<name>Index` its HMAC-SM3 index for exact search. The model writes all
 * three whenever the number is set (record-model.ts), so no write path can store the number in the clear.
 */
export function personalPhone<const N extends string, const Nul extends boolean = false>(
  name: N,
  label: Label,
  { nullable }: { nullable?: Nul } = {},
): { [K in N]: FieldSpec<Nullable<string, Nul>, Nul> } & {
  [K in `${N}Sealed` | `${N}Index`]: FieldSpec<string | null, true>;
} {
  const sealed = `${name}Sealed`;
  const index = `${name}Index`;
  const masked = text(30, label, { nullable: nullable ?? false });
  return {
    [name]: { ...masked, personal: { kind: 'phone', sealed, index } },
    [sealed]: text(SEALED_LENGTH, { zh: `${label.zh}（密文）`, en: `${label.en} (sealed)` }, { nullable: true }),
    [index]: text(INDEX_LENGTH, { zh: `${label.zh}（检索索引）`, en: `${label.en} (search index)` }, { nullable: true }),
  } as never;
}

/** The record's personal fields by name. */
export function personalFieldsOf(fields: Readonly<Record<string, FieldSpec>>): Array<[string, NonNullable<FieldSpec['personal']>]> {
  return Object.entries(fields).flatMap(([name, spec]) =>
    spec.personal ? [[name, spec.personal] as [string, NonNullable<FieldSpec['personal']>]] : [],
  );
}
