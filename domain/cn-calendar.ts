/**
 * Public holidays and make-up working days (调休) in mainland China, per the annual notice of
 * the General Office of the State Council (国务院办公厅关于XXXX年部分节假日安排的通知).
 * Holiday lists hold every day of each holiday block, weekends included, so that the
 * list can be shown to users as is; weekend entries do not change the arithmetic.
 */
import type { WorkingCalendar } from './working-days.js';

export interface YearCalendar extends WorkingCalendar {
  year: number;
  /** true when the State Council has not published the arrangement and only statutory days are listed. */
  provisional: boolean;
  source: string;
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** 国办发明电〔2024〕12号 (2024-11-12). Needed for deadlines that start in late 2025. */
export const CN_CALENDAR_2025: YearCalendar = Object.freeze({
  year: 2025,
  provisional: false,
  source: '国务院办公厅关于2025年部分节假日安排的通知',
  holidays: Object.freeze([
    '2025-01-01', // 元旦
    ...range('2025-01-28', '2025-02-04'), // 春节
    ...range('2025-04-04', '2025-04-06'), // 清明节
    ...range('2025-05-01', '2025-05-05'), // 劳动节
    ...range('2025-05-31', '2025-06-02'), // 端午节
    ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节
  ]) as readonly string[],
  workdays: Object.freeze([
    '2025-01-26', // 春节调休（周日）
    '2025-02-08', // 春节调休（周六）
    '2025-04-27', // 劳动节调休（周日）
    '2025-09-28', // 国庆节调休（周日）
    '2025-10-11', // 国庆节调休（周六）
  ]) as readonly string[],
});

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). */
export const CN_CALENDAR_2026: YearCalendar = Object.freeze({
  year: 2026,
  provisional: false,
  source: '国务院办公厅关于2026年部分节假日安排的通知',
  holidays: Object.freeze([
    ...range('2026-01-01', '2026-01-03'), // 元旦
    ...range('2026-02-15', '2026-02-23'), // 春节（腊月二十八至正月初七）
    ...range('2026-04-04', '2026-04-06'), // 清明节
    ...range('2026-05-01', '2026-05-05'), // 劳动节
    ...range('2026-06-19', '2026-06-21'), // 端午节
    ...range('2026-09-25', '2026-09-27'), // 中秋节
    ...range('2026-10-01', '2026-10-07'), // 国庆节
  ]) as readonly string[],
  workdays: Object.freeze([
    '2026-01-04', // 元旦调休（周日）
    '2026-02-14', // 春节调休（周六）
    '2026-02-28', // 春节调休（周六）
    '2026-05-09', // 劳动节调休（周六）
    '2026-09-20', // 国庆节调休（周日）
    '2026-10-10', // 国庆节调休（周六）
  ]) as readonly string[],
});

/**
 * PROVISIONAL. The 2027 arrangement had not been published when this was written, so only
 * the statutory days of 《全国年节及纪念日放假办法》(2024 revision) are listed, with no
 * 调休 blocks or make-up working days. Replace with the official notice once it is out.
 * Lunar dates: 春节 2027-02-06 (除夕 02-05), 端午 2027-06-09, 中秋 2027-09-15; 清明 2027-04-05.
 */
export const CN_CALENDAR_2027: YearCalendar = Object.freeze({
  year: 2027,
  provisional: true,
  source: '《全国年节及纪念日放假办法》法定假日（2027年调休安排尚未公布）',
  holidays: Object.freeze([
    '2027-01-01', // 元旦
    ...range('2027-02-05', '2027-02-08'), // 春节（除夕至正月初三）
    '2027-04-05', // 清明节
    '2027-05-01', // 劳动节
    '2027-05-02',
    '2027-06-09', // 端午节
    '2027-09-15', // 中秋节
    ...range('2027-10-01', '2027-10-03'), // 国庆节
  ]) as readonly string[],
  workdays: Object.freeze([]) as readonly string[],
});

export const CN_CALENDARS: readonly YearCalendar[] = Object.freeze([
  CN_CALENDAR_2025,
  CN_CALENDAR_2026,
  CN_CALENDAR_2027,
]);

export function mergeCalendars(...calendars: readonly WorkingCalendar[]): WorkingCalendar {
  return {
    holidays: calendars.flatMap((c) => c.holidays),
    workdays: calendars.flatMap((c) => c.workdays),
  };
}

/** All known years in one calendar, for deadlines that cross a year boundary. */
export const CN_CALENDAR: WorkingCalendar = Object.freeze(mergeCalendars(...CN_CALENDARS));
