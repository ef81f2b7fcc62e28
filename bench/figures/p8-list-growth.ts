import { figure, type Figure } from '../results.js';
import type { ListTiming } from './p2-list.js';

/**
 * P8: how much each of P7's lists slowed from a tenth of its lines (P2's size) to all of them, ≤ 1.5×: a list that
 * reads only its page and what it counts should hardly notice the rest of the table. The bare route's growth over the
 * same lines stands in the baseline column, to say whose growth it is.
 */
export function p8Growth(atScale: ListTiming[], before: ListTiming[], rows: { atScale: number; before: number }): Figure[] {
  return atScale.map((timing) => {
    const earlier = before.find((b) => b.user === timing.user && b.variant === timing.variant);
    if (!earlier) throw new Error(`P8: no timing of ${timing.user} ${timing.variant} at ${rows.before} lines`);
    return figure(
      'P8',
      `列表 p95 增长 ${timing.user} ${timing.variant}：${rows.atScale.toLocaleString('en')} 行 / ${rows.before.toLocaleString('en')} 行`,
      '×',
      timing.project / earlier.project,
      timing.baseline / earlier.baseline,
      { on: 'value', op: '<=', limit: 1.5 },
    );
  });
}
