import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { countsByValueUpTo, countsOfValuesUpTo, countUpTo } from '../../db/bounded-count.js';
import { plannedRows } from '../../db/planner-estimate.js';
import type { StatedTotal, TotalIs } from '../components/total-words.js';

export type { TotalIs };

/** How far a list counts: `limit` rows (LIST_EXACT_COUNT_LIMIT), unless the supervisor asked for the exact count. */
export interface CountRule {
  limit: number;
  exact: boolean;
}

/** Counting without a limit: SQLite, and whoever asks 精确计数. */
const countsEverything = (model: ModelStatic<Model>, rule: CountRule) => rule.exact || model.sequelize!.getDialect() !== 'postgres';

/**
 * A total known to pass the limit. The planner's estimate of the user's own query when `wholeTable` (the user's
 * jurisdiction adds no condition: they may see every row the statistics describe); anyone narrower is told only that
 * the limit is passed. The planner estimates a region's rows from the whole table's statistics (its size, grown by
 * every region's inserts since the last ANALYZE, and for a region outside the most common values the other regions'
 * average), so an estimate for a county would carry other regions' volume.
 */
export async function totalBeyondLimit(
  model: ModelStatic<Model>,
  where: WhereOptions,
  limit: number,
  wholeTable: boolean,
): Promise<StatedTotal> {
  const planned = wholeTable ? await plannedRows(model, where) : undefined;
  return planned !== undefined && planned > limit ? { total: planned, totalIs: 'about' } : { total: limit, totalIs: 'moreThan' };
}

/**
 * The list's total: exact up to the limit, read by a count that stops there, so a filtered list under the limit is
 * always counted and never estimated; past it, `totalBeyondLimit`.
 */
export async function listTotal(
  model: ModelStatic<Model>,
  where: WhereOptions,
  rule: CountRule,
  wholeTable: boolean,
): Promise<StatedTotal> {
  if (countsEverything(model, rule)) return { total: await model.count({ where }), totalIs: 'exact' };
  const counted = await countUpTo(model, where, rule.limit);
  return counted <= rule.limit ? { total: counted, totalIs: 'exact' } : totalBeyondLimit(model, where, rule.limit, wholeTable);
}

export interface ValueTotals {
  /** Per value of the field (rows without a value are left out). */
  byValue: Map<string, StatedTotal>;
  /** Every row, with or without a value: what the list shows under the same filters. */
  total: StatedTotal;
}

/**
 * The quick state filters' counts under the same rule as the list: one grouped count that stops at the limit; when
 * the rows pass it, each state counted up to the limit on its own (a state of few rows keeps its exact number), those
 * past it and the whole as `totalBeyondLimit` says, the whole thus the very total the list gives.
 */
export async function valueTotals(
  model: ModelStatic<Model>,
  where: WhereOptions,
  field: string,
  values: readonly string[],
  rule: CountRule,
  wholeTable: boolean,
): Promise<ValueTotals> {
  const exact = (counts: Map<string | null, number>): ValueTotals => {
    const byValue = new Map<string, StatedTotal>();
    let total = 0;
    for (const [value, n] of counts) {
      total += n;
      if (value !== null) byValue.set(value, { total: n, totalIs: 'exact' });
    }
    return { byValue, total: { total, totalIs: 'exact' } };
  };
  if (countsEverything(model, rule)) return exact(await countsByValueUpTo(model, where, field));
  const grouped = await countsByValueUpTo(model, where, field, rule.limit);
  if ([...grouped.values()].reduce((a, b) => a + b, 0) <= rule.limit) return exact(grouped);
  const [total, counted] = await Promise.all([
    totalBeyondLimit(model, where, rule.limit, wholeTable),
    countsOfValuesUpTo(model, where, field, values, rule.limit),
  ]);
  const byValue = new Map<string, StatedTotal>();
  await Promise.all(
    [...counted].map(async ([value, n]) => {
      if (n === 0) return;
      const one = { [Op.and]: [where, { [field]: value }] };
      byValue.set(value, n <= rule.limit ? { total: n, totalIs: 'exact' } : await totalBeyondLimit(model, one, rule.limit, wholeTable));
    }),
  );
  return { byValue, total };
}
