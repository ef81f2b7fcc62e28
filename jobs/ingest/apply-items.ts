import { QueryTypes, Transaction, type Model, type ModelStatic } from 'sequelize';
import {
  NATURAL_KEYS,
  type BudgetItem,
  type IntegrationItem,
  type IntegrationKind,
  type ItemRejection,
  type UnitItem,
  type VoucherItem,
} from '../../domain/integration-items.js';
import { IntegrationBudget, IntegrationUnit, PaymentVoucher, Region } from '../../db/models.js';

export const CHUNK_SIZE = 1000;

export interface ApplyOutcome {
  applied: number;
  unchanged: number;
  errors: ItemRejection[];
}

interface KindRules {
  model: ModelStatic<Model>;
  /** The stored attribute that says how recent a row is. */
  versionField: string;
  versionOf: (item: IntegrationItem) => Date;
  regionOf?: (item: IntegrationItem) => string;
  toRows: (items: IntegrationItem[], transaction: Transaction) => Promise<Record<string, unknown>[]>;
  /** What an update may overwrite: never what supervisors or purchasers set here (e.g. a budget's project match). */
  updatable: string[];
}

const RULES: Record<IntegrationKind, KindRules> = {
  budgets: {
    model: IntegrationBudget,
    versionField: 'sourceUpdatedAt',
    versionOf: (item) => new Date((item as BudgetItem).updatedAt),
    regionOf: (item) => (item as BudgetItem).regionCode,
    toRows: async (items) =>
      (items as BudgetItem[]).map((b) => ({
        budgetLineId: b.budgetLineId,
        fiscalYear: b.fiscalYear,
        regionCode: b.regionCode,
        unitBudgetCode: b.unitBudgetCode,
        unitName: b.unitName,
        projectName: b.projectName,
        categoryCode: b.categoryCode,
        amount: b.amount,
        fundType: b.fundType,
        sourceUpdatedAt: new Date(b.updatedAt),
      })),
    updatable: [
      'fiscalYear',
      'regionCode',
      'unitBudgetCode',
      'unitName',
      'projectName',
      'categoryCode',
      'amount',
      'fundType',
      'sourceUpdatedAt',
      'updatedAt',
    ],
  },
  units: {
    model: IntegrationUnit,
    versionField: 'sourceUpdatedAt',
    versionOf: (item) => new Date((item as UnitItem).updatedAt),
    regionOf: (item) => (item as UnitItem).regionCode,
    toRows: async (items) =>
      (items as UnitItem[]).map((u) => ({
        unitBudgetCode: u.unitBudgetCode,
        unitName: u.unitName,
        creditCode: u.creditCode,
        regionCode: u.regionCode,
        sourceUpdatedAt: new Date(u.updatedAt),
      })),
    updatable: ['unitName', 'creditCode', 'regionCode', 'sourceUpdatedAt', 'updatedAt'],
  },
  'payment-vouchers': {
    model: PaymentVoucher,
    // A voucher carries no update time; a re-issued voucher is told apart by its payment time.
    versionField: 'paidAt',
    versionOf: (item) => new Date((item as VoucherItem).paidAt),
    toRows: async (items, transaction) => {
      const vouchers = items as VoucherItem[];
      const budgets = await IntegrationBudget.findAll({
        where: { budgetLineId: [...new Set(vouchers.map((v) => v.budgetLineId))] },
        attributes: ['budgetLineId', 'regionCode', 'procurementUnitId'],
        transaction,
      });
      const byLine = new Map(budgets.map((b) => [b.budgetLineId, b]));
      return vouchers.map((v) => ({
        voucherNo: v.voucherNo,
        budgetLineId: v.budgetLineId,
        contractNo: v.contractNo,
        payeeName: v.payeeName,
        amount: v.amount,
        paidAt: new Date(v.paidAt),
        regionCode: byLine.get(v.budgetLineId)?.regionCode ?? null,
        procurementUnitId: byLine.get(v.budgetLineId)?.procurementUnitId ?? null,
      }));
    },
    updatable: ['budgetLineId', 'contractNo', 'payeeName', 'amount', 'paidAt', 'regionCode', 'procurementUnitId', 'updatedAt'],
  },
};

let knownRegions: Set<string> | undefined;
async function regionCodes(): Promise<Set<string>> {
  knownRegions ??= new Set((await Region.findAll({ attributes: ['code'] })).map((r) => r.code));
  return knownRegions;
}

/**
 * Applies one chunk of valid items, keyed by their natural key: new keys are inserted, strictly newer items
 * overwrite, older or equal ones change nothing. Running the same chunk twice gives the same table.
 */
export async function applyChunk(
  kind: IntegrationKind,
  chunk: ReadonlyArray<{ index: number; item: IntegrationItem }>,
): Promise<ApplyOutcome> {
  const rules = RULES[kind];
  const key = NATURAL_KEYS[kind];
  const regions = await regionCodes();
  const errors: ItemRejection[] = [];
  const placed = chunk.filter(({ index, item }) => {
    const region = rules.regionOf?.(item);
    if (region === undefined || regions.has(region)) return true;
    errors.push({ index, errors: [{ field: 'regionCode', message: `行政区划代码 ${region} 不存在` }] });
    return false;
  });
  const sequelize = rules.model.sequelize!;
  // No lock beside the statement: its `ON CONFLICT … DO UPDATE … WHERE` locks each conflicting row and compares
  // against that row's latest version, so two batches on the same keys still keep the newer item, and rows go in key
  // order, so two such statements take their common rows in the same order and cannot deadlock. (Taking one lock per
  // kind, as before, let only one batch write at a time: P1 ran 16–17 s for 100,000 lines, 13–14 s without.)
  // SQLite's single writer is taken at BEGIN.
  return sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, async (transaction) => {
    if (!placed.length) return { applied: 0, unchanged: 0, errors };
    const rows = (
      await rules.toRows(
        placed.map((p) => p.item),
        transaction,
      )
    ).sort((a, b) => compareKeys(a[key], b[key]));
    const applied = await upsertNewer(rules, key, rows, transaction);
    return { applied, unchanged: placed.length - applied, errors };
  });
}

function compareKeys(a: unknown, b: unknown): number {
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Primitive defaults of the model's attributes, by column: a raw insert must write what `create` would. */
function defaultsOf(model: ModelStatic<Model>): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(model.getAttributes())
      .filter((a) => ['string', 'number', 'boolean'].includes(typeof a.defaultValue))
      .map((a) => [a.field!, a.defaultValue]),
  );
}

/**
 * Bound parameters one PostgreSQL statement may carry (the protocol's 16-bit count): a chunk of 1,000 items fits in one.
 */
const MAX_BOUND_VALUES = 65_535;

/** A quoted name, as both engines read it. */
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A value as SQLite should store it: a date as the UTC text Sequelize writes for the model's dates (the version
 * comparison compares that text, and reads parse it back), where JSON would carry a `Date` as its ISO text.
 * PostgreSQL's driver types the values itself (a Date as a timestamp).
 */
function sqliteValue(value: unknown): unknown {
  if (!(value instanceof Date)) return value ?? null;
  return `${value.toISOString().replace('T', ' ').replace('Z', '')} +00:00`;
}

/**
 * One statement per chunk (more only when its values exceed what one statement may bind): new keys are inserted, a
 * stored row is overwritten only where the item is strictly newer (the comparison is the statement's own
 * `ON CONFLICT … DO UPDATE … WHERE`, so no read comes before it), and the rows it wrote are counted by the engine.
 * Every value is a bound parameter on both engines, never part of the SQL text.
 */
async function upsertNewer(rules: KindRules, key: string, rows: Record<string, unknown>[], transaction: Transaction): Promise<number> {
  const model = rules.model;
  const sequelize = model.sequelize!;
  const dialect = sequelize.getDialect();
  const attributes = model.getAttributes();
  const now = new Date();
  const columnOf = (attribute: string) => attributes[attribute]!.field!;
  // Each column's value for a row: the row's own, else what `create` would write; read straight into the tuples.
  const valueOf = new Map<string, (row: Record<string, unknown>) => unknown>();
  for (const [column, value] of Object.entries({ ...defaultsOf(model), created_at: now, updated_at: now }))
    valueOf.set(column, () => value);
  for (const attribute of Object.keys(rows[0]!)) valueOf.set(columnOf(attribute), (row) => row[attribute]);
  const columns = [...valueOf.keys()];
  const read = [...valueOf.values()];
  const q = quoted;
  const table = q(model.getTableName() as string);
  const version = q(columnOf(rules.versionField));
  const upsert = (source: string) => `INSERT INTO ${table} (${columns.map(q).join(',')}) ${source}
    ON CONFLICT (${q(columnOf(key))}) DO UPDATE SET ${rules.updatable.map((a) => `${q(columnOf(a))} = excluded.${q(columnOf(a))}`).join(', ')}
    WHERE ${table}.${version} IS NULL OR ${table}.${version} < excluded.${version}`;
  // An insert's second result is the rows the engine wrote: inserted or overwritten, not those the WHERE kept.
  const run = async (sql: string, bind: unknown[]) =>
    Number((await sequelize.query(sql, { bind, transaction, type: QueryTypes.INSERT }))[1]);
  if (dialect === 'sqlite') {
    // The whole chunk as one bound JSON text, taken apart by SQLite itself: sqlite3 binds Sequelize's named `$n`
    // values by looking each name up in the statement, so thousands of them cost seconds. (`WHERE true` tells SQLite
    // that the ON CONFLICT belongs to the INSERT.)
    const tuples = JSON.stringify(rows.map((row) => read.map((get) => sqliteValue(get(row)))));
    return run(upsert(`SELECT ${columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')} FROM json_each($1) WHERE true`), [
      tuples,
    ]);
  }
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns.length));
  let written = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const bind: unknown[] = [];
    const placeholder = (value: unknown) => {
      bind.push(value ?? null);
      return `$${bind.length}`;
    };
    const tuples = rows.slice(start, start + perStatement).map((row) => `(${read.map((get) => placeholder(get(row))).join(',')})`);
    written += await run(upsert(`VALUES ${tuples.join(',')}`), bind);
  }
  return written;
}
