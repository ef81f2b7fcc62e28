/** 供应商集中: one supplier takes most of what a unit awards in a year. */
import { defineRule } from './define-rule.js';
import { percentText, yuanText } from './figures.js';
import { dayOf, fenOf, yearOf, type Money, type Moment } from './inputs.js';
import { compareShare } from './share.js';

/** An award_notices row with its project's unit (procurement_projects.procurementUnitId, the unit's name and region). */
export interface UnitAwardInput {
  procurementUnitId: number | null;
  unitName: string;
  unitRegionCode: string;
  supplierCreditCode: string;
  supplierName: string;
  awardAmount: Money | null;
  issuedAt: Moment | null;
}

export interface SupplierConcentrationThresholds {
  /** The supplier's share of the unit's awarded amount above which it is flagged. */
  minShare: number;
  /** Awards the unit made in the year before a share means anything. */
  minAwards: number;
}

interface Year {
  unit: UnitAwardInput;
  count: number;
  totalFen: number;
  bySupplier: Map<string, { name: string; fen: number; count: number }>;
}

export const supplierConcentration = defineRule<readonly UnitAwardInput[], SupplierConcentrationThresholds>(
  'supplierConcentration',
  (awards, t, raise) => {
    const groups = new Map<number, Map<number, Year>>();
    for (const a of awards) {
      const day = dayOf(a.issuedAt);
      const fen = fenOf(a.awardAmount);
      if (a.procurementUnitId === null || !day || fen === null || fen <= 0) continue;
      const years = groups.get(a.procurementUnitId) ?? new Map<number, Year>();
      groups.set(a.procurementUnitId, years);
      const year = years.get(yearOf(day)) ?? { unit: a, count: 0, totalFen: 0, bySupplier: new Map() };
      years.set(yearOf(day), year);
      year.count += 1;
      year.totalFen += fen;
      const supplier = year.bySupplier.get(a.supplierCreditCode) ?? { name: a.supplierName, fen: 0, count: 0 };
      year.bySupplier.set(a.supplierCreditCode, supplier);
      supplier.fen += fen;
      supplier.count += 1;
    }
    return [...groups].flatMap(([unitId, years]) => {
      const figures: Record<string, string | number> = {};
      let amount = 0;
      for (const [y, year] of [...years].sort(([a], [b]) => a - b)) {
        if (year.count < t.minAwards) continue;
        for (const s of year.bySupplier.values()) {
          if (compareShare(s.fen, year.totalFen, t.minShare) <= 0) continue;
          amount += s.fen;
          figures[`${y}年 ${s.name}`] =
            `中标 ${s.count} 次共 ${yuanText(s.fen)}，占该单位全年 ${year.count} 次授标金额 ${yuanText(year.totalFen)} 的 ${percentText(s.fen / year.totalFen)}`;
        }
      }
      if (!amount) return [];
      const unit = [...years.values()][0]!.unit;
      return [
        raise(
          { type: 'ProcurementUnit', id: unitId, label: unit.unitName, regionCode: unit.unitRegionCode },
          amount,
          figures,
          `一年内授标不少于 ${t.minAwards} 次，且单一供应商所得超过该单位全年授标金额的 ${percentText(t.minShare)}`,
        ),
      ];
    });
  },
);
