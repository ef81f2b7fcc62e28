import {
  DataTypes,
  Model,
  type BuildOptions,
  type CreationAttributes,
  type DataType,
  type IndexesOptions,
  type InitOptions,
  type ModelAttributeColumnOptions,
  type ModelAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';
import type { AnyRecordDeclaration, AttributesOf, CreationAttributesOf, FieldSpec, Fields } from './field-types.js';
import { personalColumns } from '../personal-data/personal-columns.js';
import { personalFieldsOf } from './personal-fields.js';

function typeOf(spec: FieldSpec): DataType {
  switch (spec.kind) {
    case 'autoId':
    case 'integer':
      return DataTypes.INTEGER;
    case 'text':
      return DataTypes.STRING(spec.length);
    case 'longText':
      return DataTypes.TEXT;
    case 'decimal':
      return DataTypes.DECIMAL(...(spec.precision ?? [15, 2]));
    case 'boolean':
      return DataTypes.BOOLEAN;
    case 'day':
      return DataTypes.DATEONLY;
    case 'moment':
    case 'stamp':
      return DataTypes.DATE;
    case 'choice':
      // A choice kept in a plain string column where the table has no enum for it.
      return spec.length !== undefined ? DataTypes.STRING(spec.length) : DataTypes.ENUM(...(spec.values ?? []));
    case 'json':
      return DataTypes.JSON;
    case 'binary':
      return DataTypes.BLOB;
  }
}

/**
 * The Sequelize attribute of one field, exactly as the models wrote it by hand (the migrations match those). A view's
 * field (`view`) is bare like a given key: its type, and its reference where it has one.
 */
export function attributeOf(spec: FieldSpec, view = false): ModelAttributeColumnOptions {
  const type = typeOf(spec);
  if (spec.kind === 'autoId') return { type, autoIncrement: true, primaryKey: true };
  // Bare, as `createdAt: DataTypes.DATE` always was: Sequelize fills it in and treats it as its own timestamp.
  if (spec.kind === 'stamp') return { type };
  // A key the caller gives (not generated): bare as the models wrote it, the key implies NOT NULL.
  if (spec.primaryKey || view)
    return {
      type,
      ...(spec.primaryKey ? { primaryKey: true } : {}),
      ...(spec.references ? { references: { model: spec.references.table, key: spec.references.key } } : {}),
    };
  return {
    type,
    allowNull: spec.nullable,
    ...(spec.hasDefault ? { defaultValue: spec.defaultValue } : {}),
    ...(spec.unique !== undefined ? { unique: spec.unique } : {}),
    ...(spec.references ? { references: { model: spec.references.table, key: spec.references.key } } : {}),
    ...(spec.validate ? { validate: spec.validate } : {}),
  };
}

/** The Sequelize attributes of a set of fields, in their declared order; bare where they are a view's. */
export function attributesOf<F extends Fields>(fields: F, view = false): { [K in keyof F]: ModelAttributeColumnOptions } {
  return Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, attributeOf(spec, view)])) as {
    [K in keyof F]: ModelAttributeColumnOptions;
  };
}

/** A row of the record: Sequelize's instance with the declared fields typed on it. */
export type RecordRow<D extends AnyRecordDeclaration> = Model<AttributesOf<D>, CreationAttributesOf<D>> & AttributesOf<D>;

/** What `extends recordModel(D)` inherits: Model's statics, the record's jurisdiction and a constructor of typed rows. */
export type RecordModelBase<D extends AnyRecordDeclaration> = Omit<typeof Model, 'prototype'> & {
  jurisdiction: D['jurisdiction'];
  declaration: D;
  secretFields: readonly string[];
} & (new (values?: CreationAttributes<RecordRow<D>>, options?: BuildOptions) => RecordRow<D>);

/**
 * The base class of a record's model: its attributes are typed from the declaration, so the class needs no `declare`
 * lines (which would also shadow Sequelize's getters if written as fields).
 */
export function recordModel<D extends AnyRecordDeclaration>(declaration: D): RecordModelBase<D> {
  class RecordModel extends Model {
    static jurisdiction = declaration.jurisdiction;
    // The panel reads what it derives from the record (badge tones) from the model it is given.
    static declaration = declaration;
    // A personal field's sealed value and index never leave the server (the adapter strips them, filters refuse them).
    static secretFields: readonly string[] = personalFieldsOf(declaration.fields).flatMap(([, p]) => [p.sealed, p.index]);
  }
  // The one cast of the builder: a class made at run time cannot name its attributes, the declaration's types can.
  return RecordModel as unknown as RecordModelBase<D>;
}

/** A field's column, as `underscored: true` names it. */
const columnOf = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The table's indexes on this engine, as Sequelize takes them: the declared ones and the deadline() block's index on
 * `overdue` (the workbench counts overdue rows). Sequelize itself only uses them for `sync`; the migrations make them,
 * and test/config/model-schema.test.ts checks the two agree.
 */
export function indexesOf(declaration: AnyRecordDeclaration, dialect: string): IndexesOptions[] {
  const withDeadline = 'overdue' in declaration.fields && 'dueDate' in declaration.fields ? [{ fields: ['overdue'] }] : [];
  return [...declaration.indexes, ...withDeadline]
    .filter((index) => !('engine' in index) || !index.engine || index.engine === dialect)
    .map((index) => ({
      fields: index.fields.map((field) =>
        'operator' in index && index.operator ? { name: columnOf(field), operator: index.operator } : columnOf(field),
      ),
      ...('unique' in index && index.unique ? { unique: true } : {}),
      ...('using' in index && index.using ? { using: index.using } : {}),
    }));
}

/** Initialises a record's model from its declaration; `options` adds what is behaviour, not shape (hooks, scopes). */
export function initRecord<M extends Model>(
  model: ModelStatic<M>,
  sequelize: Sequelize,
  declaration: AnyRecordDeclaration,
  options: Omit<InitOptions<M>, 'sequelize' | 'tableName' | 'indexes'> = {},
): void {
  const attributes: Record<string, ModelAttributeColumnOptions> = attributesOf(declaration.fields, declaration.view);
  // Setting a personal field writes its masked, sealed and index columns at once, on every path that sets it
  // (create, bulkCreate, update, the panel's forms), so its text never reaches the database in the clear.
  for (const [name, personal] of personalFieldsOf(declaration.fields)) {
    attributes[name] = {
      ...attributes[name]!,
      set(this: Model, value: unknown) {
        const columns = personalColumns(personal, value, declaration.table, name);
        this.setDataValue(name as never, columns.masked as never);
        this.setDataValue(personal.sealed as never, columns.sealed as never);
        this.setDataValue(personal.index as never, columns.index as never);
      },
    };
  }
  model.init(attributes as ModelAttributes<M>, {
    sequelize,
    tableName: declaration.table,
    underscored: true,
    indexes: indexesOf(declaration, sequelize.getDialect()),
    ...options,
  });
}
