/** 交易前 rules: who approves a change of method, and the single-source notice (the intention notice is a risk rule). */
import { formatDay, requireDateOnly } from './dates.js';
import { workingDaysBetween, type WorkingCalendar } from './working-days.js';
import { regionLevel } from './jurisdiction.js';

/**
 * The office that approves a change away from public tender for a unit of `ownerRegionCode`.
 * 政府采购法 art. 27 requires an office at city level or above, so a county's request goes to its city.
 */
export function approvingRegion(ownerRegionCode: string): string {
  switch (regionLevel(ownerRegionCode)) {
    case 'province':
    case 'city':
      return ownerRegionCode;
    case 'county':
      return `${ownerRegionCode.slice(0, 4)}00`;
  }
}

/** 财政部令第74号: a single-source procurement at or above the public-tender threshold is first publicly noticed. */
export const SINGLE_SOURCE_NOTICE_WORKING_DAYS = 5;

export function needsSingleSourceNotice(requestedMethod: string, amountYuan: number, thresholdYuan: number): boolean {
  return requestedMethod === 'single_source' && amountYuan >= thresholdYuan;
}

/**
 * Why a single-source change cannot be approved yet, or null once its notice has run its course: the notice must
 * cover at least 5 working days (the start day counts) and must have ended before `today`.
 */
export function singleSourceNoticeRefusal(
  notice: { startAt: string | null; endAt: string | null },
  today: string,
  calendar: WorkingCalendar,
): string | null {
  if (!notice.startAt || !notice.endAt) {
    return '单一来源采购须先公示不少于 5 个工作日（财政部令第74号），该申请未填写公示起止日期，不能审批';
  }
  const start = requireDateOnly(notice.startAt, '公示开始日期');
  const end = requireDateOnly(notice.endAt, '公示结束日期');
  if (end < start) return `公示结束日期 ${notice.endAt} 早于开始日期 ${notice.startAt}，不能审批`;
  const length = workingDaysBetween(formatDay(start - 1), notice.endAt, calendar);
  if (length < SINGLE_SOURCE_NOTICE_WORKING_DAYS) {
    return `公示期 ${notice.startAt} 至 ${notice.endAt} 仅 ${length} 个工作日，不足 ${SINGLE_SOURCE_NOTICE_WORKING_DAYS} 个工作日（财政部令第74号），不能审批`;
  }
  if (requireDateOnly(today, '今天') <= end) {
    const run = workingDaysBetween(formatDay(start - 1), today < notice.startAt ? formatDay(start - 1) : today, calendar);
    return `单一来源公示期为 ${notice.startAt} 至 ${notice.endAt}，截至今天（${today}）已公示 ${run} 个工作日；公示期满（${notice.endAt} 之后）方可审批`;
  }
  return null;
}
