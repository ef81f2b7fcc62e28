import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import {
  BUDGET_CODE_VERDICT_LABELS,
  budgetCodeVerdict,
  elsewhereNote,
  findIntegrationCounterpart,
  integrationCounterpartsElsewhere,
} from '../../domain/budget-code-verdict.js';
import type { ActionDetail } from '../../actions/supervisory-action.js';
import { IntegrationUnit } from '../../db/models/integration/integration-unit.model.js';
import { Region } from '../../db/models/system/region.model.js';
import type { ProcurementUnit } from '../../db/models/entities/procurement-unit.model.js';

/**
 * Compares a unit's budget code with what its own region's 一体化 pushed for the same unit, read fresh at the moment
 * of review. Records other regions pushed under the same name or credit code are never compared; the reviewer is
 * told they exist, by region name only.
 */
export async function compareWithIntegration(unit: ProcurementUnit, transaction?: Transaction) {
  const candidates = (
    await IntegrationUnit.findAll({
      where: { [Op.or]: [{ creditCode: unit.creditCode }, { unitName: unit.name }] },
      attributes: ['unitBudgetCode', 'unitName', 'creditCode', 'regionCode'],
      transaction,
    })
  ).map((c) => c.get({ plain: true }));
  const identity = { name: unit.name, creditCode: unit.creditCode, unitBudgetCode: unit.unitBudgetCode, regionCode: unit.regionCode };
  const counterpart = findIntegrationCounterpart(identity, candidates);
  const integrationCode = counterpart?.unitBudgetCode ?? null;
  const verdict = budgetCodeVerdict(unit.unitBudgetCode, integrationCode);
  const elsewhere = integrationCounterpartsElsewhere(identity, candidates);
  const regionNames = new Map(
    elsewhere.length
      ? (await Region.findAll({ where: { code: elsewhere.map((e) => e.regionCode) }, attributes: ['code', 'name'], transaction })).map(
          (r) => [r.code, r.name] as const,
        )
      : [],
  );
  const note = elsewhereNote(elsewhere, (code) => regionNames.get(code) ?? code);
  const details: ActionDetail[] = [
    { label: '单位名称', value: unit.name },
    { label: '统一社会信用代码', value: unit.creditCode },
    { label: '单位填报的预算编码', value: unit.unitBudgetCode },
    { label: '一体化平台的预算编码', value: integrationCode ?? '（无）' },
    { label: '核对结果', value: BUDGET_CODE_VERDICT_LABELS[verdict], tone: verdict === 'match' ? 'ok' : 'error' },
    ...(note ? [{ label: '其他辖区', value: note, tone: 'warn' as const }] : []),
  ];
  const refusal =
    verdict === 'match'
      ? undefined
      : verdict === 'mismatch'
        ? `单位预算编码不一致：单位填报 ${unit.unitBudgetCode}，一体化平台为 ${integrationCode}。不能审核通过，请退回该单位修改后重新提交`
        : `一体化平台无此单位（本辖区按统一社会信用代码 ${unit.creditCode} 和单位名称“${unit.name}”均未找到${note ? `；${note}` : ''}），单位填报 ${unit.unitBudgetCode}。不能审核通过，请退回该单位核实`;
  // The approval records the code it was checked against, replacing one an earlier cross-region match stored.
  const changes =
    verdict === 'match' && unit.integrationBudgetCode !== integrationCode ? { integrationBudgetCode: integrationCode } : undefined;
  return { verdict, integrationCode, details, refusal, changes };
}
