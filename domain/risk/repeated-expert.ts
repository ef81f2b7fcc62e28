/** 专家重复: the same expert evaluates for the same unit or agency more often in a year than a random draw would make likely. */
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { compareText, dayOf, fenOf, yearOf, type Money, type Moment } from './inputs.js';

/**
 * One expert's seat on one evaluation. Not held yet: the data keeps experts (experts) but not who evaluated what; an
 * expert_assignments record with these fields (expertId, projectId, evaluatedAt, and the project's unit and agency
 * copied or joined from procurement_projects) would feed this rule.
 */
export interface ExpertAssignmentInput {
  expertId: number;
  expertName: string;
  /** experts.registrationRegion: the office that manages the expert sees the flag. */
  expertRegionCode: string;
  projectId: number;
  procurementUnitId: number | null;
  unitName: string | null;
  /** procurement_projects.agencyName (or socialAgencyName); null for a unit's own evaluation. */
  agencyName: string | null;
  projectAmount: Money | null;
  evaluatedAt: Moment | null;
}

export interface RepeatedExpertThresholds {
  /** Evaluations of one expert for one unit, or for one agency, allowed in a year. */
  maxPerYear: number;
}

export const repeatedExpert = defineRule<readonly ExpertAssignmentInput[], RepeatedExpertThresholds>(
  'repeatedExpert',
  (assignments, t, raise) => {
    const counts = new Map<
      number,
      { first: ExpertAssignmentInput; groups: Map<string, { label: string; projects: Map<number, number> }> }
    >();
    for (const a of assignments) {
      const day = dayOf(a.evaluatedAt);
      if (!day) continue;
      const expert = counts.get(a.expertId) ?? { first: a, groups: new Map() };
      counts.set(a.expertId, expert);
      const year = yearOf(day);
      const keys: Array<[string, string]> = [];
      if (a.procurementUnitId !== null)
        keys.push([`${year}|unit|${a.procurementUnitId}`, `${year}年 采购单位 ${a.unitName ?? a.procurementUnitId}`]);
      if (a.agencyName) keys.push([`${year}|agency|${a.agencyName.trim()}`, `${year}年 代理机构 ${a.agencyName.trim()}`]);
      for (const [key, label] of keys) {
        const group = expert.groups.get(key) ?? { label, projects: new Map<number, number>() };
        expert.groups.set(key, group);
        group.projects.set(a.projectId, fenOf(a.projectAmount) ?? 0);
      }
    }
    return [...counts]
      .sort(([a], [b]) => a - b)
      .flatMap(([expertId, { first, groups }]) => {
        const over = [...groups.values()].filter((g) => g.projects.size > t.maxPerYear).sort((a, b) => compareText(a.label, b.label));
        if (!over.length) return [];
        const projects = new Map(over.flatMap((g) => [...g.projects]));
        const amount = [...projects.values()].reduce((sum, fen) => sum + fen, 0);
        const figures: Record<string, string | number> = Object.fromEntries(over.map((g) => [g.label, `评审 ${g.projects.size} 个项目`]));
        figures['涉及项目金额合计'] = yuanText(amount);
        return [
          raise(
            { type: 'Expert', id: expertId, label: first.expertName, regionCode: first.expertRegionCode },
            amount,
            figures,
            `同一专家一年内为同一采购单位或同一代理机构评审超过 ${t.maxPerYear} 次`,
          ),
        ];
      });
  },
);
