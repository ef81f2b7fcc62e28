/** 陪标专业户: a supplier that takes part in many procurements in a year and wins far less often than the province's others. */
import { defineRule } from './define-rule.js';
import { percentText, yuanText } from './figures.js';
import { commonRegion } from './common-region.js';
import { compareText, dayOf, fenOf, yearOf, type Money, type Moment } from './inputs.js';
import { lowerFence } from './quartiles.js';

/** A supplier_registrations row. */
export interface LoserRegistrationInput {
  projectId: number;
  regionCode: string;
  supplierName: string;
  supplierCreditCode: string;
  status: string;
  registeredAt: Moment | null;
}

/** An award_notices row: a project with a notice is decided, and won by the supplier it names. */
export interface LoserAwardInput {
  projectId: number;
  supplierCreditCode: string;
  awardAmount: Money | null;
}

export interface SerialLoserThresholds {
  /** Decided projects a supplier registered for in the year before its win rate is judged. */
  minRegistrations: number;
  /** k of the lower fence Q1 − k·IQR over the win rates of every supplier of the year. */
  fenceMultiplier: number;
}

interface Tally {
  name: string;
  projects: Set<number>;
  won: Set<number>;
  regions: string[];
}

export const serialLoser = defineRule<
  { registrations: readonly LoserRegistrationInput[]; awards: readonly LoserAwardInput[] },
  SerialLoserThresholds
>('serialLoser', ({ registrations, awards }, t, raise) => {
  const winners = new Map<number, Set<string>>();
  const awardFen = new Map<number, number>();
  for (const a of awards) {
    winners.set(a.projectId, (winners.get(a.projectId) ?? new Set()).add(a.supplierCreditCode));
    awardFen.set(a.projectId, (awardFen.get(a.projectId) ?? 0) + (fenOf(a.awardAmount) ?? 0));
  }
  const years = new Map<number, Map<string, Tally>>();
  for (const r of registrations) {
    const day = dayOf(r.registeredAt);
    const decided = winners.get(r.projectId);
    if (!day || !decided || r.status === 'withdrawn') continue;
    const year = years.get(yearOf(day)) ?? new Map<string, Tally>();
    years.set(yearOf(day), year);
    const tally = year.get(r.supplierCreditCode) ?? { name: r.supplierName, projects: new Set(), won: new Set(), regions: [] };
    year.set(r.supplierCreditCode, tally);
    tally.projects.add(r.projectId);
    tally.regions.push(r.regionCode);
    if (decided.has(r.supplierCreditCode)) tally.won.add(r.projectId);
  }
  const flagged = new Map<string, Array<{ year: number; tally: Tally; rate: number; q1: number; q3: number; fence: number }>>();
  for (const [year, tallies] of [...years].sort(([a], [b]) => a - b)) {
    const { q1, q3, fence } = lowerFence(
      [...tallies.values()].map((s) => s.won.size / s.projects.size),
      t.fenceMultiplier,
    );
    for (const [code, tally] of tallies) {
      const rate = tally.won.size / tally.projects.size;
      // At or below the fence, as cardinal-rs documents it: where most suppliers win nothing the fence is 0, and a
      // supplier that lost every one of many procurements is exactly the one to see.
      if (tally.projects.size < t.minRegistrations || rate > fence) continue;
      flagged.set(code, [...(flagged.get(code) ?? []), { year, tally, rate, q1, q3, fence }]);
    }
  }
  return [...flagged]
    .sort(([a], [b]) => compareText(a, b))
    .map(([code, found]) => {
      const figures: Record<string, string | number> = {};
      let lost = 0;
      for (const f of found) {
        for (const projectId of f.tally.projects) if (!f.tally.won.has(projectId)) lost += awardFen.get(projectId) ?? 0;
        figures[`${f.year}年`] =
          `报名已定标项目 ${f.tally.projects.size} 个，中标 ${f.tally.won.size} 个，中标率 ${percentText(f.rate)}；` +
          `全省供应商中标率下四分位数 ${percentText(f.q1)}、上四分位数 ${percentText(f.q3)}，下限 ${percentText(f.fence)}`;
      }
      figures['未中标项目的中标金额合计'] = yuanText(lost);
      return raise(
        { type: 'Supplier', id: code, label: found[0]!.tally.name, regionCode: commonRegion(found.flatMap((f) => f.tally.regions)) },
        lost,
        figures,
        `一年内报名已定标项目不少于 ${t.minRegistrations} 个，且中标率不高于全省下限（下四分位数 − ${t.fenceMultiplier} × 四分位距）`,
      );
    });
});
