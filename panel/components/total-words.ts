/**
 * How a list's total reads: counted (共 12 条), the planner's estimate (约 1,234,567 条), or only that it passes the
 * limit of exact counting (超过 100,000 条). Pure, so the server's answer, the heading, the pager and the quick filters
 * say it one way; the words come from the locale.
 */

/** How a list's answer states its total (panel/adapter/list-total.ts decides). */
export type TotalIs = 'exact' | 'about' | 'moreThan';

export interface StatedTotal {
  total: number;
  totalIs: TotalIs;
}

/** 1234567 → 1,234,567, as a supervisor reads a large number. */
export const groupedNumber = (n: number): string => Math.round(n).toLocaleString('en-US');

const MARKS: Record<TotalIs, string> = { exact: '', about: '~', moreThan: '>' };

/**
 * The total as the list page hands it to the page header: AdminJS's action tag, a string (`12`, `~1234567`,
 * `>100000`), the one thing AdminJS passes from an action to its header.
 */
export function totalTag({ total, totalIs }: StatedTotal): string {
  return `${MARKS[totalIs]}${total}`;
}

export function readTotalTag(tag: string | number): StatedTotal | undefined {
  const match = /^([~>]?)(\d+)$/.exec(String(tag).trim());
  if (!match) return undefined;
  const totalIs = match[1] === '~' ? 'about' : match[1] === '>' ? 'moreThan' : 'exact';
  return { total: Number(match[2]), totalIs };
}

/** The locale's word for a total of each kind, with `{{count}}` the grouped number. */
export const TOTAL_WORDS: Record<TotalIs, 'listTotal' | 'listTotalAbout' | 'listTotalMoreThan'> = {
  exact: 'listTotal',
  about: 'listTotalAbout',
  moreThan: 'listTotalMoreThan',
};
