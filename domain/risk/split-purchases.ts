/** 化整为零: one unit buys one category within one budget year in pieces that each stay below the public-tender threshold. */
import type { ProcurementCategory } from '../supervision-rules.js';
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { compareText, fenOf, type Money } from './inputs.js';

const CATEGORY_NAMES: Readonly<Record<ProcurementCategory, string>> = { goods: '货物', services: '服务', works: '工程' };

/**
 * One purchase of a unit: a procurement_projects row (procurementUnitId, category, budgetYear, budgetAmount,
 * procurementMethod), or an agreement order (contract_filings of kind 'agreement': procurementUnitId, budgetYear,
 * amount, procurementMethod; category goods unless known), e-mall orders the same way once they are held.
 */
export interface PurchaseInput {
  procurementUnitId: number | null;
  unitName: string;
  /** The unit's region: its thresholds and the flag's jurisdiction. */
  unitRegionCode: string;
  category: ProcurementCategory | null;
  budgetYear: number | null;
  amount: Money | null;
  method: string | null;
}

export interface SplitPurchasesThresholds {
  minPurchases: number;
  /** Methods that are themselves the public procedure, so a purchase made by them splits nothing. */
  ignoreMethods: readonly string[];
}

interface Group {
  unit: PurchaseInput;
  year: number;
  category: ProcurementCategory;
  fens: number[];
  limitFen: number;
}

export const splitPurchases = defineRule<readonly PurchaseInput[], SplitPurchasesThresholds>(
  'splitPurchases',
  (purchases, t, raise, context) => {
    const groups = new Map<string, Group>();
    for (const p of purchases) {
      const amount = fenOf(p.amount);
      if (p.procurementUnitId === null || p.category === null || p.budgetYear === null || amount === null || amount <= 0) continue;
      if (p.method && t.ignoreMethods.includes(p.method)) continue;
      const limitFen = Math.round(context.publicTenderThresholds(p.unitRegionCode)[p.category] * 100);
      if (amount >= limitFen) continue;
      const key = `${p.procurementUnitId}|${p.budgetYear}|${p.category}`;
      const group = groups.get(key) ?? { unit: p, year: p.budgetYear, category: p.category, fens: [], limitFen };
      groups.set(key, group);
      group.fens.push(amount);
    }
    const byUnit = new Map<number, Group[]>();
    for (const group of groups.values()) {
      const total = group.fens.reduce((a, b) => a + b, 0);
      if (group.fens.length < t.minPurchases || total < group.limitFen) continue;
      const unitId = group.unit.procurementUnitId!;
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), group]);
    }
    return [...byUnit].map(([unitId, found]) => {
      found.sort((a, b) => a.year - b.year || compareText(a.category, b.category));
      const figures: Record<string, string | number> = {};
      let amount = 0;
      for (const g of found) {
        const total = g.fens.reduce((a, b) => a + b, 0);
        amount += total;
        figures[`${g.year}年度${CATEGORY_NAMES[g.category]}`] =
          `${g.fens.length} 笔，每笔低于公开招标数额标准，合计 ${yuanText(total)}，达到标准 ${yuanText(g.limitFen)}`;
      }
      figures['涉及金额合计'] = yuanText(amount);
      const unit = found[0]!.unit;
      return raise(
        { type: 'ProcurementUnit', id: unitId, label: unit.unitName, regionCode: unit.unitRegionCode },
        amount,
        figures,
        `同一单位、同一品目类别、同一预算年度内至少 ${t.minPurchases} 笔低于公开招标数额标准的采购，合计达到该标准`,
      );
    });
  },
);
