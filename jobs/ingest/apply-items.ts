import { Op, type Model, type ModelStatic, type Transaction } from 'sequelize';
import {
  isNewer, NATURAL_KEYS, type BudgetItem, type IntegrationItem, type IntegrationKind, type ItemRejection, type UnitItem,
  type VoucherItem,
} from '../../domain/integration-items.js';
import { IntegrationBudget, IntegrationUnit, PaymentVoucher, Region } from '../../resources/models.js';
import { serializedTransaction } from './serialized-transaction.js';

export const CHUNK_SIZE = 1000;

export interface ApplyOutcome { applied: number; unchanged: number; errors: ItemRejection[] }

interface KindRules {
  model: ModelStatic<Model>;
  lock: number;
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
    model: IntegrationBudget as unknown as ModelStatic<Model>,
    lock: 1,
    versionField: 'sourceUpdatedAt',
    versionOf: (item) => new Date((item as BudgetItem).updatedAt),
    regionOf: (item) => (item as BudgetItem).regionCode,
    toRows: async (items) => (items as BudgetItem[]).map((b) => ({
      budgetLineId: b.budgetLineId, fiscalYear: b.fiscalYear, regionCode: b.regionCode, unitBudgetCode: b.unitBudgetCode,
      unitName: b.unitName, projectName: b.projectName, categoryCode: b.categoryCode, amount: b.amount,
      fundType: b.fundType, sourceUpdatedAt: new Date(b.updatedAt),
    })),
    updatable: ['fiscalYear', 'regionCode', 'unitBudgetCode', 'unitName', 'projectName', 'categoryCode', 'amount', 'fundType', 'sourceUpdatedAt', 'updatedAt'],
  },
  units: {
    model: IntegrationUnit as unknown as ModelStatic<Model>,
    lock: 2,
    versionField: 'sourceUpdatedAt',
    versionOf: (item) => new Date((item as UnitItem).updatedAt),
    regionOf: (item) => (item as UnitItem).regionCode,
    toRows: async (items) => (items as UnitItem[]).map((u) => ({
      unitBudgetCode: u.unitBudgetCode, unitName: u.unitName, creditCode: u.creditCode, regionCode: u.regionCode,
      sourceUpdatedAt: new Date(u.updatedAt),
    })),
    updatable: ['unitName', 'creditCode', 'regionCode', 'sourceUpdatedAt', 'updatedAt'],
  },
  'payment-vouchers': {
    model: PaymentVoucher as unknown as ModelStatic<Model>,
    lock: 3,
    // A voucher carries no update time; a re-issued voucher is told apart by its payment time.
    versionField: 'paidAt',
    versionOf: (item) => new Date((item as VoucherItem).paidAt),
    toRows: async (items, transaction) => {
      const vouchers = items as VoucherItem[];
      const budgets = await IntegrationBudget.findAll({
        where: { budgetLineId: [...new Set(vouchers.map((v) => v.budgetLineId))] },
        attributes: ['budgetLineId', 'regionCode', 'procurementUnitId'], transaction,
      });
      const byLine = new Map(budgets.map((b) => [b.budgetLineId, b]));
      return vouchers.map((v) => ({
        voucherNo: v.voucherNo, budgetLineId: v.budgetLineId, contractNo: v.contractNo, payeeName: v.payeeName,
        amount: v.amount, paidAt: new Date(v.paidAt),
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
export async function applyChunk(kind: IntegrationKind, chunk: ReadonlyArray<{ index: number; item: IntegrationItem }>): Promise<ApplyOutcome> {
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
  return serializedTransaction(sequelize, rules.lock, async (transaction) => {
    const keys = placed.map(({ item }) => String((item as unknown as Record<string, unknown>)[key]));
    const stored = await rules.model.findAll({
      where: { [key]: { [Op.in]: keys } }, attributes: [key, rules.versionField], transaction,
    });
    const storedVersion = new Map(stored.map((row) => [String(row.get(key)), row.get(rules.versionField) as Date]));
    const fresh = placed.filter(({ item }) => isNewer(rules.versionOf(item), storedVersion.get(String((item as unknown as Record<string, unknown>)[key]))));
    if (fresh.length) {
      const rows = await rules.toRows(fresh.map((f) => f.item), transaction);
      await rules.model.bulkCreate(rows as never[], {
        updateOnDuplicate: rules.updatable as never[], conflictAttributes: [key] as never[], transaction,
      });
    }
    return { applied: fresh.length, unchanged: placed.length - fresh.length, errors };
  });
}
