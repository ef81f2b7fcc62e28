import { Op, QueryTypes, type Sequelize } from 'sequelize';
import { budgetCodeVerdict, findIntegrationCounterpart } from '../../domain/budget-code-verdict.js';
import { IntegrationUnit, ProcurementUnit } from '../../resources/models.js';

/** What changed, so linkage touches only the rows that could be affected. */
export interface LinkScope {
  unitBudgetCodes?: string[];
  budgetLineIds?: string[];
  contractNos?: string[];
  creditCodes?: string[];
  unitNames?: string[];
}

const IN_CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

/**
 * Links 一体化 budgets to procurement units by unit budget code, vouchers to their budget line's region and unit,
 * and refreshes the budget-code verdicts 主体管理 shows. Set-based SQL that reads the same on SQLite and PostgreSQL.
 */
export async function linkUnits(sequelize: Sequelize, scope: LinkScope): Promise<{ budgets: number; budgetLines: number; verdicts: number }> {
  const unitBudgetCodes = [...new Set(scope.unitBudgetCodes ?? [])];
  const budgetLineIds = new Set(scope.budgetLineIds ?? []);
  let budgets = 0;
  let lineCount = 0;
  for (const codes of chunks(unitBudgetCodes)) {
    await sequelize.query(
      `UPDATE integration_budgets SET procurement_unit_id = (
         SELECT MIN(p.id) FROM procurement_units p WHERE p.unit_budget_code = integration_budgets.unit_budget_code)
       WHERE unit_budget_code IN (:codes)`,
      { replacements: { codes } },
    );
    const lines = await sequelize.query<{ budget_line_id: string }>(
      'SELECT budget_line_id FROM integration_budgets WHERE unit_budget_code IN (:codes)',
      { replacements: { codes }, type: QueryTypes.SELECT },
    );
    budgets += lines.length;
    for (const line of lines) budgetLineIds.add(line.budget_line_id);
  }
  for (const ids of chunks([...budgetLineIds])) {
    await sequelize.query(
      `UPDATE payment_vouchers SET
         region_code = (SELECT b.region_code FROM integration_budgets b WHERE b.budget_line_id = payment_vouchers.budget_line_id),
         procurement_unit_id = (SELECT b.procurement_unit_id FROM integration_budgets b WHERE b.budget_line_id = payment_vouchers.budget_line_id)
       WHERE budget_line_id IN (:ids)`,
      { replacements: { ids } },
    );
    lineCount += ids.length;
  }
  for (const nos of chunks([...new Set(scope.contractNos ?? [])])) await reconcileContracts(sequelize, nos);
  const verdicts = await refreshVerdicts(scope);
  return { budgets, budgetLines: lineCount, verdicts };
}

/** Totals what 一体化 paid per contract and flags contracts paid beyond their amount. */
export async function reconcileContracts(sequelize: Sequelize, contractNos: string[]): Promise<void> {
  if (!contractNos.length) return;
  await sequelize.query(
    `UPDATE contract_filings SET paid_amount = COALESCE(
       (SELECT SUM(v.amount) FROM payment_vouchers v WHERE v.contract_no = contract_filings.contract_no), 0)
     WHERE contract_no IN (:nos)`,
    { replacements: { nos: contractNos } },
  );
  await sequelize.query(
    'UPDATE contract_filings SET overpaid = (paid_amount > amount) WHERE contract_no IN (:nos)',
    { replacements: { nos: contractNos } },
  );
}

/** Recomputes the stored budget-code verdict of every procurement unit the change could concern. */
async function refreshVerdicts(scope: LinkScope): Promise<number> {
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
    const units = await ProcurementUnit.findAll({ where: { [Op.or]: or } });
    if (!units.length) continue;
    const candidates = await IntegrationUnit.findAll({
      where: { [Op.or]: [{ creditCode: units.map((u) => u.creditCode) }, { unitName: units.map((u) => u.name) }] },
      attributes: ['unitBudgetCode', 'unitName', 'creditCode'], raw: true,
    });
    for (const unit of units) {
      const counterpart = findIntegrationCounterpart(unit, candidates);
      const integrationBudgetCode = counterpart?.unitBudgetCode ?? null;
      const verdict = budgetCodeVerdict(unit.unitBudgetCode, integrationBudgetCode);
      if (unit.integrationBudgetCode === integrationBudgetCode && unit.budgetCodeVerdict === verdict) continue;
      await ProcurementUnit.update(
        { integrationBudgetCode, budgetCodeVerdict: verdict },
        { where: { id: unit.id }, hooks: false },
      );
      changed += 1;
    }
  }
  return changed;
}
