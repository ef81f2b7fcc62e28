/**
 * A date-only value (签订日期, 协议有效期 …) is a calendar day, sent and stored as `YYYY-MM-DD`. The date picker works
 * with JS Dates, which are instants: the day the user chose is the local midnight of that day, and reading it back
 * through UTC (`toISOString`) gave the day before anywhere east of Greenwich (issue #25). So the day is always read
 * and written with the browser's local calendar, never through UTC.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** What the date picker is given for a stored day: that day's local midnight, written without a zone. */
export function pickerValueOfDay(day: unknown): string {
  const match = typeof day === 'string' ? DAY.exec(day) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}T00:00:00` : '';
}

/** The day the user chose, from what the date picker reports (the ISO instant of that day's local midnight). */
export function dayOfPickerValue(picked: string | Date | null | undefined): string {
  if (!picked) return '';
  const date = picked instanceof Date ? picked : new Date(picked);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
