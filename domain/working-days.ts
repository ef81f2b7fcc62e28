/** Working-day arithmetic for statutory deadlines (e.g. the 5-working-day single-source notice). */
import { dayOfWeek, formatDay, requireDateOnly } from './dates.js';

export interface WorkingCalendar {
  /** Days off, including weekdays shifted into a holiday (调休). */
  holidays: readonly string[];
  /** Weekend days that are worked to make up for a holiday (调休上班). */
  workdays: readonly string[];
}

interface CompiledCalendar {
  holidays: Set<number>;
  workdays: Set<number>;
}

function compile(calendar: WorkingCalendar): CompiledCalendar {
  return {
    holidays: new Set(calendar.holidays.map((d) => requireDateOnly(d, '节假日'))),
    workdays: new Set(calendar.workdays.map((d) => requireDateOnly(d, '调休上班日'))),
  };
}

function isWorkingDayNumber(day: number, cal: CompiledCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  const dow = dayOfWeek(day);
  if (dow === 0 || dow === 6) return false;
  return !cal.holidays.has(day);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return isWorkingDayNumber(requireDateOnly(date), compile(calendar));
}

/** The n-th working day after `start`; `start` itself never counts, n = 0 gives `start`. */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`工作日天数必须是非负整数，实际为${String(n)}`);
  }
  const cal = compile(calendar);
  let day = requireDateOnly(start, '起始日期');
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDayNumber(day, cal)) left -= 1;
  }
  return formatDay(day);
}

/** Working days d with from < d ≤ to; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const cal = compile(calendar);
  const a = requireDateOnly(from, '开始日期');
  const b = requireDateOnly(to, '结束日期');
  let count = 0;
  for (let day = a + 1; day <= b; day++) {
    if (isWorkingDayNumber(day, cal)) count += 1;
  }
  return count;
}
