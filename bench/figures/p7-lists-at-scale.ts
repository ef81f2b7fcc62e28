import { figure, type Figure } from '../results.js';
import type { ListTiming } from './p2-list.js';

/**
 * P7: P2's lists over ten million lines, judged by the panel's own p95 (≤ 50 ms): at that size a supervisor waits on
 * the list whatever a bare route would take, so the bound is absolute. The bare route's p95 stays beside it, for the
 * ratio column only.
 */
export function p7Figure(timing: ListTiming, rows: number): Figure {
  return figure(
    'P7',
    `列表 p95 ${timing.user} ${timing.variant}（${rows.toLocaleString('en')} 行）`,
    'ms',
    timing.project,
    timing.baseline,
    {
      on: 'value',
      op: '<=',
      limit: 50,
    },
  );
}
