/** 废标后转非竞争: after a failed tender, the same unit buys about the same amount without competition. */
import { METHOD_LABELS, isProcurementMethod } from '../procurement-methods.js';
import { defineRule } from './define-rule.js';
import { percentText, yuanText } from './figures.js';
import { dayOf, daysBetween, fenOf, type Money, type Moment } from './inputs.js';
import { compareShare } from './share.js';

/** A failed_tender_handlings row, with its project's unit (procurement_projects.procurementUnitId). */
export interface FailedTenderInput {
  id: number;
  projectName: string;
  procurementUnitId: number | null;
  amount: Money | null;
  /** When the tender failed: the handling's createdAt (the data holds no separate failure date). */
  failedAt: Moment | null;
}

/**
 * A later procurement of the unit by a method that may be non-competitive: a procurement_projects row (its method,
 * budgetAmount, createdAt), a method_change_requests row (requestedMethod, amount, submittedAt) or a failed tender's
 * own handling (newMethod, amount, unitApprovedAt).
 */
export interface FollowUpInput {
  subjectType: 'ProcurementProject' | 'MethodChangeRequest' | 'FailedTenderHandling';
  id: number;
  name: string;
  regionCode: string;
  procurementUnitId: number | null;
  method: string | null;
  amount: Money | null;
  startedAt: Moment | null;
}

export interface FailedThenNonCompetitiveThresholds {
  windowDays: number;
  /** ±, as a ratio of the failed tender's amount. */
  amountTolerance: number;
  nonCompetitiveMethods: readonly string[];
}

const methodName = (m: string): string => (isProcurementMethod(m) ? METHOD_LABELS[m] : m);

export const failedThenNonCompetitive = defineRule<
  { failedTenders: readonly FailedTenderInput[]; followUps: readonly FollowUpInput[] },
  FailedThenNonCompetitiveThresholds
>('failedThenNonCompetitive', ({ failedTenders, followUps }, t, raise) => {
  const failed = failedTenders.flatMap((f) => {
    const day = dayOf(f.failedAt);
    const amount = fenOf(f.amount);
    return day && amount !== null && amount > 0 && f.procurementUnitId !== null ? [{ ...f, day, amountFen: amount }] : [];
  });
  return followUps.flatMap((n) => {
    const start = dayOf(n.startedAt);
    const amount = fenOf(n.amount);
    if (!start || amount === null || n.procurementUnitId === null || !n.method || !t.nonCompetitiveMethods.includes(n.method)) return [];
    const matches = failed
      .filter((f) => f.procurementUnitId === n.procurementUnitId)
      .map((f) => ({ f, gap: daysBetween(f.day, start) }))
      .filter(
        ({ f, gap }) =>
          gap >= 0 && gap <= t.windowDays && compareShare(Math.abs(amount - f.amountFen), f.amountFen, t.amountTolerance) <= 0,
      )
      .sort((a, b) => a.gap - b.gap || a.f.id - b.f.id);
    const nearest = matches[0];
    if (!nearest) return [];
    const { f, gap } = nearest;
    return [
      raise(
        { type: n.subjectType, id: n.id, label: n.name, regionCode: n.regionCode },
        amount,
        {
          废标项目: f.projectName,
          废标日期: f.day,
          废标项目金额: yuanText(f.amountFen),
          后续采购方式: methodName(n.method),
          后续采购开始日期: start,
          后续采购金额: yuanText(amount),
          相隔天数: gap,
          金额差异: percentText((amount - f.amountFen) / f.amountFen),
        },
        `废标后 ${t.windowDays} 日内同一单位以${t.nonCompetitiveMethods.map(methodName).join('、')}采购，金额与废标项目相差不超过 ±${percentText(t.amountTolerance)}`,
      ),
    ];
  });
});
