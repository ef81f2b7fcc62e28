/**
 * Reading the values rules are given as the database hands them over: money as a decimal text (PostgreSQL) or a number
 * (SQLite), a day as `YYYY-MM-DD`, a moment as a Date or an ISO text. Anything missing or unreadable is null, and a
 * rule raises nothing on a null: a flag must rest on figures we hold.
 */
import { calendarDayOf, chinaDay, parseDateOnly } from '../dates.js';
import { toFen } from '../money.js';

export type Money = string | number;
export type Moment = Date | string;

export function fenOf(amount: Money | null | undefined): number | null {
  if (amount === null || amount === undefined || (typeof amount === 'number' && !Number.isFinite(amount))) return null;
  try {
    return toFen(amount);
  } catch {
    return null;
  }
}

/** The day in China of a day or a moment. */
export function dayOf(value: Moment | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : chinaDay(value);
  // SQLite hands a raw moment back as `2025-02-24 02:00:00.000 +00:00`: the space before its offset is not ISO's.
  return calendarDayOf(value.replace(/\s+(Z|[+-]\d{2}:?\d{2})$/i, '$1'));
}

/** Days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return parseDateOnly(to)! - parseDateOnly(from)!;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/**
 * A party's name as it is compared: the same company is typed with full-width or half-width brackets and stray spaces
 * (（有限公司） / (有限公司)), which must not make two names differ.
 */
export function partyKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return key || null;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The order names and numbers are listed in, whatever the server's locale: pinyin for Chinese, 包2 before 包10. */
export const compareText = (a: string, b: string): number => collator.compare(a, b);
