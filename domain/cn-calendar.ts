/**
 * Public holidays and make-up working days (调休) in mainland China, per the annual notice of the General Office of
 * the State Council. The dates themselves are data in config/deadlines.yaml, where an administrator adds a year when
 * its notice is published; this module only holds the shape and the arithmetic on it.
 */
import type { WorkingCalendar } from './working-days.js';

export interface YearCalendar extends WorkingCalendar {
  year: number;
  /** true when the State Council has not published the arrangement and only statutory days are listed. */
  provisional: boolean;
  source: string;
}

/** Every day from `from` to `to`, both included; empty when `to` comes first. */
export function expandDays(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function mergeCalendars(...calendars: readonly WorkingCalendar[]): WorkingCalendar {
  return {
    holidays: calendars.flatMap((c) => c.holidays),
    workdays: calendars.flatMap((c) => c.workdays),
  };
}
