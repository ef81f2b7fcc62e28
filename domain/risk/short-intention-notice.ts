/** 意向公开不足: the procurement started before its intention had been public for the days 财库〔2020〕10号 requires. */
import { requireDateOnly } from '../dates.js';
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { dayOf, fenOf, type Money, type Moment } from './inputs.js';

/**
 * How many days short of `minDays` the notice was; 0 when it was long enough. The one copy of this arithmetic: the
 * intention's model stores it for the list, the rule flags it.
 */
export function intentionShortfallDays(intentionPublishedAt: string, procurementStartAt: string, minDays: number): number {
  const published = requireDateOnly(intentionPublishedAt, '采购意向公开日期');
  const start = requireDateOnly(procurementStartAt, '采购活动开始日期');
  return Math.max(0, minDays - (start - published));
}

/** A procurement_intentions row. */
export interface IntentionInput {
  id: number;
  projectName: string;
  regionCode: string;
  budgetAmount: Money | null;
  publishedAt: Moment | null;
  procurementStartAt: Moment | null;
}

export interface ShortIntentionNoticeThresholds {
  minDays: number;
}

export const shortIntentionNotice = defineRule<readonly IntentionInput[], ShortIntentionNoticeThresholds>(
  'shortIntentionNotice',
  (intentions, t, raise) =>
    intentions.flatMap((i) => {
      const published = dayOf(i.publishedAt);
      const start = dayOf(i.procurementStartAt);
      if (!published || !start) return [];
      const short = intentionShortfallDays(published, start, t.minDays);
      if (short <= 0) return [];
      const amount = fenOf(i.budgetAmount) ?? 0;
      return [
        raise(
          { type: 'ProcurementIntention', id: i.id, label: i.projectName, regionCode: i.regionCode },
          amount,
          { 意向公开日期: published, 采购活动开始日期: start, 公开天数: t.minDays - short, 差几日: short, 预算金额: yuanText(amount) },
          `采购意向应在采购活动开始前至少 ${t.minDays} 日公开`,
        ),
      ];
    }),
);
