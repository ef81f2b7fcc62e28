import { Op, type Transaction } from 'sequelize';
import type { ActionDetail } from '../../actions/supervisory-action.js';
import { ContractFiling } from '../../db/models/filings/contract-filing.model.js';
import type { IntegrationBudget } from '../../db/models/integration/integration-budget.model.js';

/**
 * What a line records when a purchaser matches it to a procurement project (the purchaser's side does it; the demo
 * matches its lines through this, so a matched line always names a project that exists).
 */
export function matchToProject(project: { projectNo: string; name: string }, at: Date) {
  return { matchStatus: 'matched' as const, matchedProjectCode: project.projectNo, matchedProjectName: project.name, matchedAt: at };
}

const BLOCKING_PUSH_STATES = { pushed: '已推送', queued: '推送中' } as const;

/** The row fact `usedByPushedFiling` that the list's 重置预算匹配 button is shown by (the server still inspects). */
export const PUSHED_USE = 'usedByPushedFiling';

/** Marks each listed budget line a filing pushed (or being pushed) uses, in one query for the page. */
export async function markPushedUse(rows: Array<Record<string, unknown>>): Promise<void> {
  const ids = [...new Set(rows.map((row) => row.budgetLineId).filter((id): id is string => typeof id === 'string'))];
  const used = ids.length
    ? await ContractFiling.findAll({
        where: { budgetLineId: { [Op.in]: ids }, pushStatus: { [Op.in]: Object.keys(BLOCKING_PUSH_STATES) } },
        attributes: ['budgetLineId'],
        group: ['budgetLineId'],
        raw: true,
      })
    : [];
  const pushed = new Set(used.map((filing) => filing.budgetLineId));
  for (const row of rows) row[PUSHED_USE] = pushed.has(row.budgetLineId as string);
}

export const PUSHED_USE_REFUSAL = '该预算指标已被合同备案使用并推送至支付系统，不能重置预算匹配';

/**
 * Whether a budget line's project match may be reset: not once a contract filing using the line went (or is going)
 * to the payment system, because the treasury would then pay against a line we had freed.
 */
export async function inspectBudgetMatch(
  budget: IntegrationBudget,
  transaction?: Transaction,
): Promise<{ details: ActionDetail[]; refusal?: string }> {
  const filings = await ContractFiling.findAll({
    where: { budgetLineId: budget.budgetLineId, pushStatus: { [Op.in]: Object.keys(BLOCKING_PUSH_STATES) } },
    attributes: ['contractNo', 'contractName', 'pushStatus'],
    order: [['id', 'ASC']],
    transaction,
  });
  const details: ActionDetail[] = [
    { label: '指标ID', value: budget.budgetLineId },
    { label: '预算项目', value: budget.projectName },
    { label: '单位', value: `${budget.unitName}（${budget.unitBudgetCode}）` },
    { label: '金额（元）', value: String(budget.amount) },
    {
      label: '已匹配的采购项目',
      value: budget.matchedProjectName ? `${budget.matchedProjectName}（${budget.matchedProjectCode ?? ''}）` : '（无）',
    },
  ];
  if (!filings.length) return { details: [...details, { label: '已推送的合同备案', value: '（无）', tone: 'ok' }] };
  const named = filings
    .map(
      (f) =>
        `${f.contractNo}${f.contractName ? `“${f.contractName}”` : ''}（${BLOCKING_PUSH_STATES[f.pushStatus as keyof typeof BLOCKING_PUSH_STATES]}）`,
    )
    .join('、');
  return {
    details: [...details, { label: '已推送的合同备案', value: named, tone: 'error' }],
    refusal: `该预算指标已被合同备案 ${named} 使用并推送至支付系统，不能重置预算匹配`,
  };
}
