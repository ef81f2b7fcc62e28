import type { ModelValidateOptions } from 'sequelize';
import type { DecisionStep } from '../../domain/escalation-target.js';

/** What the panel calls a record, a field or a choice, in both of its languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}
export type Language = keyof Label;

/**
 * What a choice's value means to whoever reads a list, so every state of every record is coloured by one scheme:
 * waiting for someone, done (approved, matched, pushed), refused or failed, under way elsewhere, or none of these.
 */
export type Tone = 'pending' | 'done' | 'refused' | 'progress' | 'neutral';

/**
 * The column kinds the records use. `stamp` is Sequelize's own createdAt/updatedAt, declared bare (as the models always
 * did) so Sequelize keeps filling it in.
 */
export type FieldKind =
  'autoId' | 'text' | 'longText' | 'integer' | 'decimal' | 'boolean' | 'day' | 'moment' | 'stamp' | 'choice' | 'json' | 'binary';

/**
 * What a text field holds when it holds another thing's code rather than words: a user's login name, a role key, an
 * action name, a record type (a resource id). The panel shows each by its Chinese name (the office, 县区采购办, 审核通过,
 * 审核采购单位信息), never the code; a region code is a `reference('regions', 'code', …)` instead.
 */
export type CodeOf = 'user' | 'role' | 'action' | 'recordType';

/** What a field builder is told besides its label. */
export interface FieldOptions<T> {
  readonly codeOf?: CodeOf;
  /** A key kept as text (a flag's subjectId): its list filter matches the whole value, never a part of it. */
  readonly exact?: boolean;
  readonly nullable?: boolean;
  readonly default?: T;
  readonly validate?: ModelValidateOptions;
  readonly unique?: boolean;
  /** The row's key where it is not the generated `id` (a batch id, a payload's batch). */
  readonly primaryKey?: boolean;
}

/**
 * One field of a record as data: record-model.ts turns it into a Sequelize attribute, record-locale.ts into labels.
 * `Value` (what a row holds) and `Optional` (whether creating a row may leave it out) exist for the type checker only.
 */
export interface FieldSpec<Value = unknown, Optional extends boolean = boolean> {
  readonly kind: FieldKind;
  /** Absent where the panel's global labels already name the field (createdAt, dueDate …). */
  readonly label?: Label;
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  readonly defaultValue?: unknown;
  readonly length?: number;
  readonly precision?: readonly [number, number];
  readonly values?: readonly string[];
  readonly choiceLabels?: Readonly<Record<string, Label>>;
  /** A state's or verdict's meaning, value by value; absent on choices that only classify (type, category). */
  readonly choiceTones?: Readonly<Record<string, Tone>>;
  readonly references?: { readonly table: string; readonly key: string };
  readonly codeOf?: CodeOf;
  readonly exact?: boolean;
  readonly validate?: ModelValidateOptions;
  readonly unique?: boolean;
  readonly primaryKey?: boolean;
  /** The reusable block that brought the field (blocks.ts), so a record's page can group what belongs together. */
  readonly block?: FieldBlock;
  /** Personal data (personal-fields.ts): the field holds the masked value, its sealed and index fields the rest. */
  readonly personal?: PersonalField;
  readonly _value?: Value;
  readonly _optional?: Optional;
}

/**
 * A field of personal data: what it is (how it is normalised, masked and indexed) and the names of the fields that hold
 * its SM4-sealed value and its HMAC-SM3 exact-search index.
 */
export interface PersonalField {
  readonly kind: 'phone';
  readonly sealed: string;
  readonly index: string;
}

/** The blocks of blocks.ts whose fields a record's page shows under a heading of their own. */
export type FieldBlock = 'decision' | 'deadline';

/** A field whose values are a closed list, each with its labels. */
export interface ChoiceSpec<V extends string = string, Value = V, Optional extends boolean = boolean> extends FieldSpec<Value, Optional> {
  readonly kind: 'choice';
  readonly values: readonly V[];
  readonly choiceLabels: Readonly<Record<V, Label>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field of any value type; each field keeps its own.
export type Fields = Readonly<Record<string, FieldSpec<any, boolean>>>;

export type ValueOf<F> = F extends FieldSpec<infer V, boolean> ? V : never;
type OptionalOf<F> = F extends FieldSpec<unknown, infer O> ? O : never;

/** A row's values as read, from the fields. */
export type AttributesOfFields<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/** What creating a row must give: defaulted, nullable and generated fields may be left out. */
export type CreationAttributesOfFields<F extends Fields> = {
  -readonly [K in keyof F as OptionalOf<F[K]> extends true ? never : K]: ValueOf<F[K]>;
} & {
  -readonly [K in keyof F as OptionalOf<F[K]> extends true ? K : never]?: ValueOf<F[K]>;
};

type KeysWhere<F extends Fields, T> = { [K in keyof F]: ValueOf<F[K]> extends T ? K : never }[keyof F] & string;
type ChoiceKeys<F extends Fields> = { [K in keyof F]: F[K] extends ChoiceSpec ? K : never }[keyof F] & string;
type ChoiceValueOf<S> = S extends ChoiceSpec<infer V> ? V : never;

/**
 * How a record's rows fall under jurisdiction (resources/jurisdiction-kind.ts), naming one of its own fields; the field
 * may be nullable (a voucher not yet linked to a unit has no region).
 */
export type RecordJurisdiction<F extends Fields = Fields> =
  | { readonly kind: 'region'; readonly field: KeysWhere<F, string | null> }
  | { readonly kind: 'library'; readonly field: KeysWhere<F, string | null> }
  | { readonly kind: 'audit'; readonly field: KeysWhere<F, string | null> }
  | { readonly kind: 'reference' }
  | { readonly kind: 'admin' };

/**
 * What of a record waits for a supervisor: the rows whose choice `field` is one of `in`, waiting since `since`;
 * `step` is its deadline step when the wait has a time limit, and `title` names a row in deadline lists.
 */
export type PendingSpec<F extends Fields = Fields> = {
  [K in ChoiceKeys<F>]: {
    readonly field: K;
    readonly in: readonly ChoiceValueOf<F[K]>[];
    readonly since: KeysWhere<F, Date | string | null>;
    readonly title?: KeysWhere<F, string>;
    readonly step?: DecisionStep;
  };
}[ChoiceKeys<F>];

/** Pending work of any record, as the code that reads it sees it. */
export interface AnyPendingSpec {
  readonly field: string;
  readonly in: readonly string[];
  readonly since: string;
  readonly title?: string;
  readonly step?: DecisionStep;
}

/** A record declared once: its table, its fields and what of it waits for a supervisor. */
/**
 * An index of the record's table, named by its fields. `engine` marks one the migrations make on that engine alone
 * (PostgreSQL's trigram index for searching by name); `using` and `operator` are PostgreSQL's access method and
 * operator class.
 */
export interface IndexSpec<Name extends string = string> {
  readonly fields: readonly Name[];
  readonly unique?: boolean;
  readonly engine?: 'postgres' | 'sqlite';
  readonly using?: string;
  readonly operator?: string;
}

export interface RecordDeclaration<F extends Fields = Fields, P extends PendingSpec<F> | undefined = PendingSpec<F> | undefined> {
  /** The model's name, which is also the id of the resource that shows it. */
  readonly name: string;
  readonly table: string;
  readonly label: Label;
  readonly jurisdiction: RecordJurisdiction<F>;
  readonly fields: F;
  readonly pending: P;
  /** The table's indexes besides its key and its unique fields; the deadline() block brings its own. */
  readonly indexes: readonly IndexSpec<keyof F & string>[];
  /**
   * A view read by the panel, not a table: its attributes are bare (type, key, reference), as its columns take their
   * types and nullability from the view's query. A field's `nullable` still types its rows.
   */
  readonly view: boolean;
  /**
   * The table grows with the province's business into hundreds of thousands or millions of rows (budget lines,
   * vouchers, filings, projects, notices …): each of its text filters must be served by a trigram index on PostgreSQL
   * (`trigramIndexes`), or every search reads the whole table (panel/text-filter-indexes.ts says which are not).
   */
  readonly large: boolean;
}

/** Any record's declaration, as code that works on every record sees it. */
export interface AnyRecordDeclaration {
  readonly name: string;
  readonly table: string;
  readonly label: Label;
  readonly jurisdiction:
    { readonly kind: 'region' | 'library' | 'audit'; readonly field: string } | { readonly kind: 'reference' | 'admin' };
  readonly fields: Fields;
  readonly pending: AnyPendingSpec | undefined;
  readonly indexes: readonly IndexSpec[];
  readonly view?: boolean;
  readonly large?: boolean;
}

export type AttributesOf<D extends AnyRecordDeclaration> = AttributesOfFields<D['fields']>;
export type CreationAttributesOf<D extends AnyRecordDeclaration> = CreationAttributesOfFields<D['fields']>;
