/**
 * Calendar-date helpers shared by the domain rules.
 *
 * Business dates are civil dates in China (UTC+8, no DST). They are handled as
 * day numbers on the UTC time line so that the server's local time zone can
 * never shift a date by one day.
 */

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function dayFromParts(y: number, m: number, d: number): number | null {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March; a rolled-over date is a typo, not a date.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** Day number (days since 1970-01-01) of a strict `YYYY-MM-DD` string, or null when it is not a real date. */
export function parseDateOnly(value: string): number | null {
  const m = DATE_ONLY.exec(value);
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Day number of a `YYYY-MM-DD` date or a full ISO date-time, or null when unreadable.
 * A date-time carrying an offset (`Z`, `+08:00`) is converted to the date in China,
 * because the filing dates the manual compares (2022-06-22) are Beijing dates.
 * A date-time without an offset is already local to China and keeps its date part.
 */
export function parseBusinessDate(value: string): number | null {
  const trimmed = value.trim();
  const dateOnly = parseDateOnly(trimmed);
  if (dateOnly !== null) return dateOnly;
  const m = DATE_TIME.exec(trimmed);
  if (!m) return null;
  const ownDay = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (ownDay === null) return null;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return null;
  if (m[7] === undefined) return ownDay;
  const instant = Date.parse(trimmed.replace(' ', 'T'));
  if (Number.isNaN(instant)) return null;
  return Math.floor((instant + CHINA_OFFSET_MS) / MS_PER_DAY);
}

/** Like parseDateOnly, but a bad value is a programming error for callers that require a date. */
export function requireDateOnly(value: string, what = '日期'): number {
  const day = parseDateOnly(value);
  if (day === null) {
    throw new RangeError(`${what}格式无效：“${value}”，应为 YYYY-MM-DD`);
  }
  return day;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Said when a date-only field is given something that is not a real day. */
export const NOT_A_DAY_MESSAGE = '日期无效，应为 YYYY-MM-DD 格式的真实日期';

/**
 * The calendar day a date-only field (签订日期, 协议有效期 …) is given, as `YYYY-MM-DD`: a day stays that day, a
 * date-time is read as parseBusinessDate reads it (an instant → its day in China); null for anything else,
 * including days that do not exist (2026-02-30). Never through the server's zone, which may be any.
 */
export function calendarDayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const day = parseBusinessDate(value);
  return day === null ? null : formatDay(day);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** The calendar date in China of a moment (a Date, epoch milliseconds, or an ISO string), whatever the server's zone. */
export function chinaDay(at: Date | number | string = new Date()): string {
  const time = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at.length === 10 ? `${at}T00:00:00+08:00` : at);
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A moment as the panel, its messages and its files show it: China time, `YYYY-MM-DD HH:mm` (the date pickers' own
 * form), whatever the zone of the server or the browser. A value that is no moment is given back as it came.
 */
export function chinaTime(at: Date | number | string): string {
  const time = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(time)) return String(at);
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
