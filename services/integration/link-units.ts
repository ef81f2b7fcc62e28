import { Op, QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { budgetCodeVerdict, findIntegrationCounterpart } from '../../domain/budget-code-verdict.js';
import { chunksOf } from '../../domain/chunks.js';
import { IntegrationUnit, ProcurementUnit } from '../../db/models.js';
import { serializedTransaction } from '../../db/serialized-transaction.js';

/** What changed, so linkage touches only the rows that could be affected. */
export interface LinkScope {
  /** Units whose identity changed: every budget with one of these codes is linked again. */
  unitBudgetCodes?: string[];
  /** Budget lines that arrived or changed: they and their vouchers are linked. */
  budgetLineIds?: string[];
  contractNos?: string[];
  creditCodes?: string[];
  unitNames?: string[];
}

const IN_CHUNK = 500;
// Linkage's own lock (4: 1–3 were ingest's before its upsert needed none), so two batches never link the same rows at once.
const LINK_LOCK = 4;

const chunks = <T>(items: readonly T[]): T[][] => chunksOf(items, IN_CHUNK);

// Within the budget's own region: a unit budget code is unique per region, not across the province.
const UNIT_OF_BUDGET =
  'SELECT MIN(p.id) FROM procurement_units p WHERE p.unit_budget_code = integration_budgets.unit_budget_code AND p.region_code = integration_budgets.region_code';
const BUDGET_OF_VOUCHER = (column: string) =>
  `SELECT b.${column} FROM integration_budgets b WHERE b.budget_line_id = payment_vouchers.budget_line_id`;
// Only rows whose link differs are written: rewriting a row to the same values still costs a new row version.
const differs = (column: string, value: string) => `COALESCE(${column}, '-') <> COALESCE(CAST((${value}) AS VARCHAR(64)), '-')`;

/**
 * Links 一体化 budgets to procurement units by unit budget code, vouchers to their budget line's region and unit,
 * and refreshes the budget-code verdicts 主体管理 shows. Set-based SQL that reads the same on SQLite and PostgreSQL,
 * in one transaction that no other linkage runs beside (concurrent batches deadlocked on shared rows before).
 */
export async function linkUnits(
  sequelize: Sequelize,
  scope: LinkScope,
): Promise<{ budgets: number; budgetLines: number; verdicts: number }> {
  return serializedTransaction(sequelize, LINK_LOCK, async (transaction) => {
    const run = (sql: string, replacements: Record<string, unknown>) => sequelize.query(sql, { replacements, transaction });
    // Every statement here finds its rows by key. The contains-filters' trigram indexes also answer `=`, and with the
    // statistics of a table that has just grown (before autovacuum's next ANALYZE) the planner took them over the
    // unique btree: 2.5 ms a line instead of 0.004 (bench P1). A GIN index is read only by bitmap scans, so without
    // them each lookup takes the btree, whatever the statistics say.
    if (sequelize.getDialect() === 'postgres') await sequelize.query('SET LOCAL enable_bitmapscan = off', { transaction });
    const budgetLineIds = new Set(scope.budgetLineIds ?? []);
    let budgets = 0;
    for (const codes of chunks([...new Set(scope.unitBudgetCodes ?? [])])) {
      await run(
        `UPDATE integration_budgets SET procurement_unit_id = (${UNIT_OF_BUDGET})
         WHERE unit_budget_code IN (:codes) AND ${differs('CAST(procurement_unit_id AS VARCHAR(64))', UNIT_OF_BUDGET)}`,
        { codes },
      );
      const lines = await sequelize.query<{ budget_line_id: string }>(
        'SELECT budget_line_id FROM integration_budgets WHERE unit_budget_code IN (:codes)',
        { replacements: { codes }, type: QueryTypes.SELECT, transaction },
      );
      budgets += lines.length;
      for (const line of lines) budgetLineIds.add(line.budget_line_id);
    }
    for (const ids of chunks([...new Set(scope.budgetLineIds ?? [])])) {
      await run(
        `UPDATE integration_budgets SET procurement_unit_id = (${UNIT_OF_BUDGET})
         WHERE budget_line_id IN (:ids) AND ${differs('CAST(procurement_unit_id AS VARCHAR(64))', UNIT_OF_BUDGET)}`,
        { ids },
      );
      budgets += ids.length;
    }
    for (const ids of chunks([...budgetLineIds])) {
      await run(
        `UPDATE payment_vouchers SET region_code = (${BUDGET_OF_VOUCHER('region_code')}),
           procurement_unit_id = (${BUDGET_OF_VOUCHER('procurement_unit_id')})
         WHERE budget_line_id IN (:ids) AND (${differs('region_code', BUDGET_OF_VOUCHER('region_code'))}
           OR ${differs('CAST(procurement_unit_id AS VARCHAR(64))', BUDGET_OF_VOUCHER('procurement_unit_id'))})`,
        { ids },
      );
    }
    for (const nos of chunks([...new Set(scope.contractNos ?? [])])) await reconcileContracts(sequelize, nos, transaction);
    const verdicts = await refreshVerdicts(scope, transaction);
    return { budgets, budgetLines: budgetLineIds.size, verdicts };
  });
}

/** Totals what 一体化 paid per contract and flags contracts paid beyond their amount. */
export async function reconcileContracts(sequelize: Sequelize, contractNos: string[], transaction?: Transaction): Promise<void> {
  if (!contractNos.length) return;
  await sequelize.query(
    `UPDATE contract_filings SET paid_amount = COALESCE(
       (SELECT SUM(v.amount) FROM payment_vouchers v WHERE v.contract_no = contract_filings.contract_no), 0)
     WHERE contract_no IN (:nos)`,
    { replacements: { nos: contractNos }, transaction },
  );
  await sequelize.query('UPDATE contract_filings SET overpaid = (paid_amount > amount) WHERE contract_no IN (:nos)', {
    replacements: { nos: contractNos },
    transaction,
  });
}

/** Recomputes the stored budget-code verdict of every procurement unit the change could concern. */
async function refreshVerdicts(scope: LinkScope, transaction: Transaction): Promise<number> {
  const creditCodes = [...new Set(scope.creditCodes ?? [])];
  const names = [...new Set(scope.unitNames ?? [])];
  const codes = [...new Set(scope.unitBudgetCodes ?? [])];
  let changed = 0;
  const size = Math.max(creditCodes.length, names.length, codes.length);
  for (let i = 0; i < size; i += IN_CHUNK) {
    const or = [
      creditCodes.length > i ? { creditCode: creditCodes.slice(i, i + IN_CHUNK) } : null,
      names.length > i ? { name: names.slice(i, i + IN_CHUNK) } : null,
      codes.length > i ? { unitBudgetCode: codes.slice(i, i + IN_CHUNK) } : null,
    ].filter((c) => c !== null);
    const units = await ProcurementUnit.findAll({ where: { [Op.or]: or }, transaction });
    if (!units.length) continue;
    const candidates = await IntegrationUnit.findAll({
      where: { [Op.or]: [{ creditCode: units.map((u) => u.creditCode) }, { unitName: units.map((u) => u.name) }] },
      // With the region, so each unit is compared with its own region's 一体化 unit only (domain/budget-code-verdict.ts).
      attributes: ['unitBudgetCode', 'unitName', 'creditCode', 'regionCode'],
      raw: true,
      transaction,
    });
    for (const unit of units) {
      const counterpart = findIntegrationCounterpart(unit, candidates);
      const integrationBudgetCode = counterpart?.unitBudgetCode ?? null;
      const verdict = budgetCodeVerdict(unit.unitBudgetCode, integrationBudgetCode);
      if (unit.integrationBudgetCode === integrationBudgetCode && unit.budgetCodeVerdict === verdict) continue;
      await ProcurementUnit.update(
        { integrationBudgetCode, budgetCodeVerdict: verdict },
        { where: { id: unit.id }, hooks: false, transaction },
      );
      changed += 1;
    }
  }
  return changed;
}
