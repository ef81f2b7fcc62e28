import { ValidationError, type BaseProperty, type ParamsType, type PropertyErrors } from 'adminjs';
import { calendarDayOf, chinaDay, NOT_A_DAY_MESSAGE } from '../../domain/dates.js';

/**
 * The day a form's date-only value names. AdminJS's new and edit actions turn the `YYYY-MM-DD` the form sent into a
 * JS Date (`new Date(value)`: that day's midnight UTC) before the adapter sees it, and Sequelize would then format it
 * in the server's zone, a day early west of Greenwich. Read in China instead, that midnight is still the same day, as
 * is an instant an older page may send (the day in China the user was in). A Date that is no date (an impossible day
 * such as 2026-02-30) names none.
 */
function dayOf(given: unknown): string | null {
  if (given instanceof Date) return Number.isNaN(given.getTime()) ? null : chinaDay(given);
  return calendarDayOf(given);
}

/**
 * A form's date-only values (AdminJS type `date`, i.e. the model's DATEONLY columns) as `YYYY-MM-DD` days before
 * Sequelize sees them; a value that names no real day is refused on its own field rather than stored as whatever
 * it parses to. A cleared field arrives as null and stays null.
 */
export function withCalendarDays(params: ParamsType, properties: readonly BaseProperty[]): ParamsType {
  const days: ParamsType = { ...params };
  const errors: PropertyErrors = {};
  for (const property of properties) {
    if (property.type() !== 'date') continue;
    const name = property.name();
    const given = days[name] as unknown;
    if (given === undefined || given === null || given === '') continue;
    const day = dayOf(given);
    if (day === null) errors[name] = { type: 'notADay', message: NOT_A_DAY_MESSAGE };
    else days[name] = day;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return days;
}
