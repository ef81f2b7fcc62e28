import { col, literal, Op, QueryTypes, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { selectSql } from './select-sql.js';

/**
 * Counts that stop at a limit: the rows `where` finds, but never more than `limit + 1` of them read, so a count over a
 * whole province costs what counting `limit` rows costs. A result of at most `limit` is the exact count; `limit + 1`
 * says only "more than the limit".
 */
export async function countUpTo(model: ModelStatic<Model>, where: WhereOptions, limit: number): Promise<number> {
  const rows = await model.sequelize!.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM (${selectSql(model, { attributes: [[literal('1'), 'one']], where, limit: limit + 1 })}) AS bounded`,
    { type: QueryTypes.SELECT },
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rows per value of the attribute `field`, among the first `limit + 1` rows `where` finds (all of them when fewer, or
 * when no limit is given).
 */
export async function countsByValueUpTo(
  model: ModelStatic<Model>,
  where: WhereOptions,
  field: string,
  limit?: number,
): Promise<Map<string | null, number>> {
  const column = model.getAttributes()[field]?.field ?? field;
  const inner = selectSql(model, { attributes: [[col(column), 'v']], where, ...(limit !== undefined && { limit: limit + 1 }) });
  const rows = await model.sequelize!.query<{ v: unknown; n: number | string }>(
    `SELECT v, count(*) AS n FROM (${inner}) AS bounded GROUP BY v`,
    { type: QueryTypes.SELECT },
  );
  return new Map(rows.map(({ v, n }) => [v === null ? null : String(v), Number(n)]));
}

/** `countUpTo` for each of `values` of the attribute `field` under `where`, in one statement. */
export async function countsOfValuesUpTo(
  model: ModelStatic<Model>,
  where: WhereOptions,
  field: string,
  values: readonly string[],
  limit: number,
): Promise<Map<string, number>> {
  if (!values.length) return new Map();
  const sequelize = model.sequelize!;
  const parts = values.map((value) => {
    const inner = selectSql(model, {
      attributes: [[literal('1'), 'one']],
      where: { [Op.and]: [where, { [field]: value }] },
      limit: limit + 1,
    });
    return `SELECT ${sequelize.escape(value)} AS v, (SELECT count(*) FROM (${inner}) AS bounded) AS n`;
  });
  const rows = await sequelize.query<{ v: string; n: number | string }>(parts.join(' UNION ALL '), { type: QueryTypes.SELECT });
  return new Map(rows.map(({ v, n }) => [String(v), Number(n)]));
}
