/** 节支率异常: the award is so far below the budget that the budget or the price deserves a look. */
import { defineRule } from './define-rule.js';
import { percentText, yuanText } from './figures.js';
import { fenOf, type Money } from './inputs.js';
import { compareShare } from './share.js';

/** A procurement_projects row. */
export interface BudgetedProjectInput {
  id: number;
  name: string;
  regionCode: string;
  budgetAmount: Money | null;
}

/** An award_notices row; a project's notices (one per package) are added up. */
export interface AwardAmountInput {
  projectId: number;
  awardAmount: Money | null;
}

export interface AbnormalSavingsThresholds {
  /** Savings (budget − award) as a share of the budget at or above which a project is flagged. */
  minSavingsRate: number;
}

export const abnormalSavings = defineRule<
  { projects: readonly BudgetedProjectInput[]; awards: readonly AwardAmountInput[] },
  AbnormalSavingsThresholds
>('abnormalSavings', ({ projects, awards }, t, raise) => {
  const awarded = new Map<number, number | null>();
  for (const a of awards) {
    const fen = fenOf(a.awardAmount);
    const before = awarded.has(a.projectId) ? awarded.get(a.projectId)! : 0;
    awarded.set(a.projectId, before === null || fen === null ? null : before + fen);
  }
  return projects.flatMap((p) => {
    const budget = fenOf(p.budgetAmount);
    const award = awarded.get(p.id);
    if (budget === null || budget <= 0 || award === undefined || award === null || award <= 0) return [];
    const savings = budget - award;
    if (compareShare(savings, budget, t.minSavingsRate) < 0) return [];
    return [
      raise(
        { type: 'ProcurementProject', id: p.id, label: p.name, regionCode: p.regionCode },
        budget,
        { 预算金额: yuanText(budget), 中标成交金额: yuanText(award), 节支金额: yuanText(savings), 节支率: percentText(savings / budget) },
        `中标（成交）金额低于预算 ${percentText(t.minSavingsRate)} 及以上`,
      ),
    ];
  });
});
