import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataTypes, QueryTypes, Sequelize, type ModelStatic, type Model } from 'sequelize';
import { migrateMiddleToLatest, migrateToLatest } from '../../migrations/migrator.js';
import { initMiddleModels, initModels } from '../../db/models.js';
import { createSequelize } from '../../db/database.js';

/**
 * The models and the migrations describe the same tables twice: this compares them on the engine of the run, column by
 * column (name, kind of type, length or precision where the engine reports it, enum values, nullability) and index by
 * index, so neither
 * can drift from the other unseen.
 */
const PG = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const names = { main: `model_schema_${randomUUID().slice(0, 8)}`, middle: '' };
names.middle = `${names.main}_middle`;

let main: Sequelize;
let middle: Sequelize;

async function databases(): Promise<[string, string]> {
  if (!PG) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-schema-'));
    return [`sqlite:${path.join(dir, 'main.sqlite')}`, `sqlite:${path.join(dir, 'middle.sqlite')}`];
  }
  const admin = new Sequelize(PG, { logging: false });
  for (const name of [names.main, names.middle]) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.close();
  const at = (name: string) => Object.assign(new URL(PG), { pathname: `/${name}` }).toString();
  return [at(names.main), at(names.middle)];
}

beforeAll(async () => {
  const [mainUrl, middleUrl] = await databases();
  main = createSequelize(mainUrl);
  middle = createSequelize(middleUrl);
  initModels(main);
  initMiddleModels(middle);
  await migrateToLatest(main);
  await migrateMiddleToLatest(middle);
}, 120_000);

afterAll(async () => {
  await main?.close();
  await middle?.close();
  if (!PG) return;
  const admin = new Sequelize(PG, { logging: false });
  for (const name of [names.main, names.middle]) await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.close();
});

/** The kind of a SQL type, as either side spells it (Sequelize's `toSql()`, SQLite's declared type, PostgreSQL's). */
function kindOf(sql: string): string {
  const type = sql.toUpperCase();
  const kinds: Array<[RegExp, string]> = [
    [/^(VARCHAR|TEXT|CHAR|CHARACTER|ENUM|USER-DEFINED)/, 'text'],
    [/^(INTEGER|BIGINT|SMALLINT|INT|SERIAL)/, 'integer'],
    [/^(DECIMAL|NUMERIC)/, 'decimal'],
    [/^(BOOLEAN|TINYINT)/, 'boolean'],
    [/^(DATETIME|TIMESTAMP)/, 'instant'],
    [/^DATE$/, 'day'],
    [/^JSON/, 'json'],
    [/^UUID/, 'uuid'],
    [/^(FLOAT|REAL|DOUBLE)/, 'float'],
    [/^(BLOB|BYTEA)/, 'binary'],
  ];
  return kinds.find(([pattern]) => pattern.test(type))?.[1] ?? type;
}
const sizeOf = (sql: string) => (/\(([^)]*)\)/.exec(sql)?.[1] ?? '').replace(/\s/g, '');

async function viewsOf(sequelize: Sequelize): Promise<Set<string>> {
  const rows =
    sequelize.getDialect() === 'postgres'
      ? await sequelize.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.views WHERE table_schema = 'public'`, {
          type: QueryTypes.SELECT,
        })
      : await sequelize.query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'view'`, { type: QueryTypes.SELECT });
  return new Set(rows.map((r) => r.name));
}

interface Attribute {
  field: string;
  fieldName: string;
  type: { toSql?: () => string; key?: string; values?: string[] };
  allowNull?: boolean;
  primaryKey?: boolean;
}

/** Every difference between a model and its table, in words. */
async function driftOf(sequelize: Sequelize, model: ModelStatic<Model>, views: Set<string>): Promise<string[]> {
  const table = model.getTableName() as string;
  const columns = (await sequelize.getQueryInterface().describeTable(table)) as Record<
    string,
    { type: string; allowNull: boolean; special?: string[] }
  >;
  const attributes = (Object.values(model.getAttributes()) as unknown as Attribute[]).filter((a) => !(a.type instanceof DataTypes.VIRTUAL));
  const drift: string[] = [];
  const fields = new Set(attributes.map((a) => a.field));
  for (const column of Object.keys(columns)) if (!fields.has(column)) drift.push(`${table}.${column}: a column the model does not declare`);
  // A view's columns take their types from its query: only that the model's fields are there is checked.
  const isView = views.has(table);
  const stamps = Object.values((model as unknown as { _timestampAttributes?: Record<string, string> })._timestampAttributes ?? {});
  for (const attribute of attributes) {
    const column = columns[attribute.field];
    if (!column) {
      drift.push(`${table}.${attribute.field}: declared by the model, missing in the table`);
      continue;
    }
    if (isView) continue;
    const declared = attribute.type.toSql?.() ?? attribute.type.key ?? '';
    if (kindOf(declared) !== kindOf(column.type)) drift.push(`${table}.${attribute.field}: model ${declared}, table ${column.type}`);
    // PostgreSQL's description omits a numeric's precision: sizes are compared where the engine reports them.
    const [modelSize, tableSize] = [sizeOf(declared), sizeOf(column.type)];
    if (tableSize && !/^ENUM|^TEXT/i.test(declared) && modelSize !== tableSize)
      drift.push(`${table}.${attribute.field}: model ${declared}, table ${column.type}`);
    if (column.special?.length && attribute.type.values) {
      const [ours, theirs] = [[...attribute.type.values].sort().join(), [...column.special].sort().join()];
      if (ours !== theirs) drift.push(`${table}.${attribute.field}: model values ${ours}, table values ${theirs}`);
    }
    const nullable = stamps.includes(attribute.fieldName) ? false : attribute.allowNull !== false && !attribute.primaryKey;
    if (!attribute.primaryKey && nullable !== column.allowNull)
      drift.push(`${table}.${attribute.field}: model ${nullable ? 'NULL' : 'NOT NULL'}, table ${column.allowNull ? 'NULL' : 'NOT NULL'}`);
  }
  drift.push(...(await indexDrift(sequelize, model, table, isView)));
  return drift;
}

interface ShownIndex {
  name: string;
  unique?: boolean;
  primary?: boolean;
  fields: Array<{ attribute: string }>;
  /** PostgreSQL's `CREATE INDEX …` of the index, which names its access method. */
  definition?: string;
}

/**
 * Indexes, each as `unique? (column, …) method?`: those the migrations made against those the model declares (its
 * `indexes`, and a column's own `unique`). An index made on one engine alone (PostgreSQL's trigram search index) is
 * declared with `engine`, and the model carries it on that engine only; its access method (`using: 'gin'`) is part of
 * what is compared, so a column's B-tree does not pass for its trigram index.
 */
async function indexDrift(sequelize: Sequelize, model: ModelStatic<Model>, table: string, isView: boolean): Promise<string[]> {
  if (isView) return [];
  const shown = (await sequelize.getQueryInterface().showIndex(table)) as ShownIndex[];
  const attributes = model.getAttributes() as Record<string, { field?: string; unique?: unknown; primaryKey?: boolean }>;
  const column = (name: string) => attributes[name]?.field ?? name;
  const signature = (unique: boolean | undefined, columns: readonly string[], method = 'btree') =>
    `${unique ? 'unique ' : ''}(${columns.join(', ')})${method === 'btree' ? '' : ` ${method}`}`;
  const primaryKey = Object.values(attributes)
    .filter((attribute) => attribute.primaryKey)
    .map((attribute) => attribute.field!);
  // SQLite keeps a text primary key (and the migration runner's own) in an index of its own: that is the key.
  const isKey = (index: ShownIndex) => index.primary || index.fields.map((f) => f.attribute).join() === primaryKey.join();
  const migrated = shown
    .filter((index) => !isKey(index))
    .map((index) =>
      signature(
        index.unique,
        index.fields.map((f) => f.attribute),
        / USING (\w+) /.exec(index.definition ?? '')?.[1],
      ),
    );
  const declaredIndexes =
    (model.options as { indexes?: Array<{ fields: Array<string | { name: string }>; unique?: boolean; using?: string }> }).indexes ?? [];
  const declared = [
    ...Object.values(attributes)
      .filter((attribute) => attribute.unique && !attribute.primaryKey)
      .map((attribute) => signature(true, [attribute.field!])),
    ...declaredIndexes.map((index) =>
      signature(
        index.unique,
        index.fields.map((f) => column(typeof f === 'string' ? f : f.name)),
        index.using,
      ),
    ),
  ];
  const drift: string[] = [];
  for (const index of migrated)
    if (!declared.includes(index)) drift.push(`${table}: index ${index} made by a migration, not declared by the model`);
  for (const index of declared)
    if (!migrated.includes(index)) drift.push(`${table}: index ${index} declared by the model, missing in the table`);
  return drift;
}

describe('models and migrations describe the same tables', () => {
  it('every model of the main and the payment intermediate database matches its migrated table', async () => {
    const drift: string[] = [];
    let compared = 0;
    for (const sequelize of [main, middle]) {
      const views = await viewsOf(sequelize);
      for (const model of Object.values(sequelize.models)) {
        drift.push(...(await driftOf(sequelize, model, views)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
    expect(drift).toEqual([]);
  });

  it('a model that drifts from its table is told apart (the comparison can fail)', async () => {
    const views = await viewsOf(main);
    const unit = main.models.ProcurementUnit!;
    const probe = main.define(
      'DriftProbe',
      {
        ...Object.fromEntries(Object.entries(unit.getAttributes()).map(([name, attribute]) => [name, { ...attribute }])),
        name: { type: DataTypes.STRING(7), allowNull: true, field: 'name' },
      },
      { tableName: unit.getTableName() as string, underscored: true },
    );
    try {
      const drift = await driftOf(main, probe, views);
      expect(drift.some((d) => d.includes('.name:'))).toBe(true);
    } finally {
      main.modelManager.removeModel(probe);
    }
  });
});
