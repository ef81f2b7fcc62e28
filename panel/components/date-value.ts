import { chinaTime } from '../../domain/dates.js';

/** A stored date or moment as it reads everywhere in the panel: `YYYY-MM-DD`, a moment in China time `YYYY-MM-DD HH:mm`. */
export function shownDate(value: unknown, type: string): string {
  if (value === null || value === undefined || value === '') return '';
  // A calendar day is the day stored, not the instant of its midnight in some zone (issue #25).
  if (type === 'date') return String(value).slice(0, 10);
  return chinaTime(value as string);
}
