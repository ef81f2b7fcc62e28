export type BudgetCodeVerdict = 'match' | 'mismatch' | 'missing';

export const BUDGET_CODE_VERDICT_LABELS: Record<BudgetCodeVerdict, string> = {
  match: '一致',
  mismatch: '不一致',
  missing: '一体化无此单位',
};

export interface UnitIdentity {
  name: string;
  creditCode: string | null;
  unitBudgetCode: string;
  regionCode?: string;
}

/** What 一体化 pushed for a unit, as far as matching needs it; `regionCode` is the region that pushed it. */
export interface IntegrationCandidate {
  creditCode: string | null;
  unitName: string;
  regionCode?: string | null;
}

function sameUnit(unit: UnitIdentity, candidate: IntegrationCandidate): boolean {
  return (!!unit.creditCode && candidate.creditCode === unit.creditCode) || candidate.unitName === unit.name;
}

/**
 * Whether a candidate may stand for the unit: only one pushed for the unit's own region. Another region's 一体化 may
 * hold a unit of the same name (every county has a 第一中学) or a mistyped credit code; using it would judge the unit
 * by a budget code that is not its own. A candidate read without its region cannot be placed and is compared as
 * before (services/integration/link-units.ts reads none yet).
 */
function inUnitsRegion(unit: UnitIdentity, candidate: IntegrationCandidate): boolean {
  return unit.regionCode === undefined || candidate.regionCode == null || candidate.regionCode === unit.regionCode;
}

/**
 * The 一体化 record for a unit, among those of its own region: by credit code first (names get re-typed with small
 * differences), and by exact name only when no record there carries the credit code.
 */
export function findIntegrationCounterpart<T extends IntegrationCandidate>(unit: UnitIdentity, candidates: readonly T[]): T | undefined {
  const own = candidates.filter((c) => inUnitsRegion(unit, c));
  return (unit.creditCode ? own.find((c) => c.creditCode === unit.creditCode) : undefined) ?? own.find((c) => c.unitName === unit.name);
}

/** A unit that another region's 一体化 holds under the unit's name or credit code. */
export interface CounterpartElsewhere {
  regionCode: string;
  sameName: boolean;
  sameCreditCode: boolean;
}

/** What 一体化 holds for the unit outside its own region, one entry per region, sorted by region code. */
export function integrationCounterpartsElsewhere(unit: UnitIdentity, candidates: readonly IntegrationCandidate[]): CounterpartElsewhere[] {
  const byRegion = new Map<string, CounterpartElsewhere>();
  for (const c of candidates) {
    if (!sameUnit(unit, c) || inUnitsRegion(unit, c)) continue;
    const regionCode = c.regionCode as string;
    const seen = byRegion.get(regionCode) ?? { regionCode, sameName: false, sameCreditCode: false };
    seen.sameName ||= c.unitName === unit.name;
    seen.sameCreditCode ||= !!unit.creditCode && c.creditCode === unit.creditCode;
    byRegion.set(regionCode, seen);
  }
  return [...byRegion.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/**
 * Says that other regions hold such a unit and that it was left out, naming only the regions: the unit's budget code
 * there and the rest belong to that region's jurisdiction. `regionName` turns a code into the name shown.
 */
export function elsewhereNote(elsewhere: readonly CounterpartElsewhere[], regionName: (code: string) => string): string | null {
  if (!elsewhere.length) return null;
  const names = elsewhere.map((e) => regionName(e.regionCode)).join('、');
  const byName = elsewhere.some((e) => e.sameName);
  const byCode = elsewhere.some((e) => e.sameCreditCode);
  const what = byName && byCode ? '同名或统一社会信用代码相同的单位' : byName ? '同名单位' : '统一社会信用代码相同的单位';
  return `一体化平台在其他辖区（${names}）有${what}，未用于比对`;
}

export function budgetCodeVerdict(unitBudgetCode: string, integrationBudgetCode: string | null | undefined): BudgetCodeVerdict {
  if (integrationBudgetCode == null) return 'missing';
  return unitBudgetCode.trim() === integrationBudgetCode.trim() ? 'match' : 'mismatch';
}
