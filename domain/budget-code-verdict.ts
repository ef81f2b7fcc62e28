export type BudgetCodeVerdict = 'match' | 'mismatch' | 'missing';

export const BUDGET_CODE_VERDICT_LABELS: Record<BudgetCodeVerdict, string> = {
  match: '一致',
  mismatch: '不一致',
  missing: '一体化无此单位',
};

export interface UnitIdentity { name: string; creditCode: string | null; unitBudgetCode: string }

/**
 * The 一体化 record for a unit is found by credit code first (names get re-typed with small differences), and by
 * exact name only when no record carries the credit code.
 */
export function findIntegrationCounterpart<T extends { creditCode: string | null; unitName: string }>(
  unit: UnitIdentity, candidates: readonly T[],
): T | undefined {
  return (
    (unit.creditCode ? candidates.find((c) => c.creditCode === unit.creditCode) : undefined) ??
    candidates.find((c) => c.unitName === unit.name)
  );
}

export function budgetCodeVerdict(unitBudgetCode: string, integrationBudgetCode: string | null | undefined): BudgetCodeVerdict {
  if (integrationBudgetCode == null) return 'missing';
  return unitBudgetCode.trim() === integrationBudgetCode.trim() ? 'match' : 'mismatch';
}
