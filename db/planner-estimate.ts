import { literal, QueryTypes, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { selectSql } from './select-sql.js';

type Explained = { 'QUERY PLAN': Array<{ Plan?: { 'Plan Rows'?: number } }> | string };

/**
 * How many rows PostgreSQL's planner expects `where` to find: `EXPLAIN` of the very select, nothing read. Its
 * statistics describe the whole table, so the caller may ask only for a user who may see the whole table (see
 * panel/adapter/list-total.ts). Undefined on SQLite, which keeps no such estimate.
 */
export async function plannedRows(model: ModelStatic<Model>, where: WhereOptions): Promise<number | undefined> {
  const sequelize = model.sequelize!;
  if (sequelize.getDialect() !== 'postgres') return undefined;
  const [row] = await sequelize.query<Explained>(
    `EXPLAIN (FORMAT JSON) ${selectSql(model, { attributes: [[literal('1'), 'one']], where })}`,
    {
      type: QueryTypes.SELECT,
    },
  );
  const plan = typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN'];
  const rows = (plan as Exclude<Explained['QUERY PLAN'], string> | undefined)?.[0]?.Plan?.['Plan Rows'];
  return typeof rows === 'number' && Number.isFinite(rows) ? Math.round(rows) : undefined;
}
