import type { ChoiceSpec, FieldKind, FieldOptions, FieldSpec, Label, Tone } from './field-types.js';

type NoOptions = Record<never, never>;
/** A field told `nullable: true` reads null where nothing was entered. */
type Nullable<T, O> = O extends { nullable: true } ? T | null : T;
/** Creating a row may leave out a field that is nullable or has a default. */
type Optional<O> = O extends { nullable: true } ? true : O extends { default: unknown } ? true : false;

function field(kind: FieldKind, label: Label | undefined, options: FieldOptions<unknown> = {}, extra: Partial<FieldSpec> = {}): FieldSpec {
  return {
    kind,
    ...(label ? { label } : {}),
    nullable: options.nullable ?? false,
    hasDefault: 'default' in options,
    ...('default' in options ? { defaultValue: options.default } : {}),
    ...(options.validate ? { validate: options.validate } : {}),
    ...(options.unique !== undefined ? { unique: options.unique } : {}),
    ...(options.primaryKey ? { primaryKey: true } : {}),
    ...(options.codeOf ? { codeOf: options.codeOf } : {}),
    ...(options.exact ? { exact: true } : {}),
    ...extra,
  };
}

/** The generated integer key every record row gets. */
export const autoId = (): FieldSpec<number, true> => ({ kind: 'autoId', nullable: false, hasDefault: true });

/** A string of at most `length` characters. */
export const text = <const O extends FieldOptions<string> = NoOptions>(length: number, label: Label, options?: O) =>
  field('text', label, options, { length }) as FieldSpec<Nullable<string, O>, Optional<O>>;

/** Text without a length limit (reasons, comments). */
export const longText = <const O extends FieldOptions<string> = NoOptions>(label: Label, options?: O) =>
  field('longText', label, options) as FieldSpec<Nullable<string, O>, Optional<O>>;

export const integer = <const O extends FieldOptions<number> = NoOptions>(label: Label | undefined, options?: O) =>
  field('integer', label, options) as FieldSpec<Nullable<number, O>, Optional<O>>;

/**
 * A fixed-point number; the drivers hand it back as a string so no cent is lost to floating point. Its default may be
 * written as a number (`default: 0`), as the models wrote it.
 */
export const decimal = <const O extends FieldOptions<string | number> = NoOptions>(
  precision: number,
  scale: number,
  label: Label,
  options?: O,
) => field('decimal', label, options, { precision: [precision, scale] }) as FieldSpec<Nullable<string, O>, Optional<O>>;

/** Money in yuan with cents, as every amount of the procurement tables is stored. */
export const money = <const O extends FieldOptions<string | number> = NoOptions>(label: Label, options?: O) =>
  decimal(15, 2, label, options);

export const boolean = <const O extends FieldOptions<boolean> = NoOptions>(label: Label | undefined, options?: O) =>
  field('boolean', label, options) as FieldSpec<Nullable<boolean, O>, Optional<O>>;

/** A calendar day without time ('2026-03-31'), as deadlines and filings count days. */
export const day = <const O extends FieldOptions<string> = NoOptions>(label: Label | undefined, options?: O) =>
  field('day', label, options) as FieldSpec<Nullable<string, O>, Optional<O>>;

/** An instant (submitted at, decided at). */
export const moment = <const O extends FieldOptions<Date> = NoOptions>(label: Label | undefined, options?: O) =>
  field('moment', label, options) as FieldSpec<Nullable<Date, O>, Optional<O>>;

/** Sequelize's own createdAt / updatedAt; a label where the record names it otherwise than the global labels. */
export const stamp = (label?: Label): FieldSpec<Date, true> => ({
  kind: 'stamp',
  ...(label ? { label } : {}),
  nullable: false,
  hasDefault: true,
});

/** A structured value stored whole. */
export const json = <T, const O extends FieldOptions<T> = NoOptions>(label: Label, options?: O) =>
  field('json', label, options) as FieldSpec<Nullable<T, O>, Optional<O>>;

/** Bytes stored whole (an uploaded file's content). */
export const binary = <const O extends FieldOptions<Buffer> = NoOptions>(label: Label, options?: O) =>
  field('binary', label, options) as FieldSpec<Nullable<Buffer, O>, Optional<O>>;

/**
 * How a choice is stored besides its value options: an enum unless `length` names the string column it was migrated to.
 * `tones` gives a state or verdict the meaning its badge is coloured by, for every value (a new value without one does
 * not type-check).
 */
type ChoiceOptions<V extends string> = FieldOptions<V> & { readonly length?: number; readonly tones?: Readonly<Record<V, Tone>> };

/** A closed list of values, in the order of `labels`, each with the words the panel shows for it (and its tone). */
export const choice = <const L extends Readonly<Record<string, Label>>, const O extends ChoiceOptions<keyof L & string> = NoOptions>(
  labels: L,
  label: Label,
  options?: O,
) =>
  field('choice', label, options, {
    values: Object.keys(labels),
    choiceLabels: labels,
    ...(options?.length !== undefined ? { length: options.length } : {}),
    ...(options?.tones ? { choiceTones: options.tones } : {}),
  }) as ChoiceSpec<keyof L & string, Nullable<keyof L & string, O>, Optional<O>>;

/** A field holding the key of another table's row. */
export const reference = <S extends FieldSpec>(table: string, key: string, spec: S): S => ({ ...spec, references: { table, key } });

/** Choice labels from the Chinese words the domain already has and their English, value by value. */
export function bilingual<V extends string>(zh: Readonly<Record<V, string>>, en: Readonly<Record<V, string>>): Record<V, Label> {
  return Object.fromEntries(Object.entries<string>(zh).map(([value, words]) => [value, { zh: words, en: en[value as V] }])) as Record<
    V,
    Label
  >;
}
