import { Op, type Model, type ModelStatic, type Transaction, type WhereOptions } from 'sequelize';
import { chunksOf } from '../domain/chunks.js';

export interface RowChange {
  id: unknown;
  changes: Record<string, unknown>;
}

const IDS_PER_STATEMENT = 1000;

/**
 * Writes each row's own changes with one UPDATE per distinct change (and per thousand ids): ten thousand filings that
 * all become 推送中 are ten statements, not ten thousand. `also` is set on every row (e.g. `version + 1`) and `where`
 * narrows every statement (a state guard). Returns how many rows the statements changed.
 */
export async function updateInGroups(
  model: ModelStatic<Model>,
  rows: readonly RowChange[],
  options: { where?: WhereOptions; also?: Record<string, unknown>; transaction?: Transaction; hooks?: boolean } = {},
): Promise<number> {
  const groups = new Map<string, { changes: Record<string, unknown>; ids: unknown[] }>();
  for (const { id, changes } of rows) {
    const key = JSON.stringify(changes);
    const group = groups.get(key) ?? { changes, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  let affected = 0;
  for (const { changes, ids } of groups.values()) {
    for (const chunk of chunksOf(ids, IDS_PER_STATEMENT)) {
      const [count] = await model.update({ ...changes, ...options.also } as never, {
        where: { [Op.and]: [{ id: { [Op.in]: chunk } }, ...(options.where ? [options.where] : [])] } as WhereOptions,
        transaction: options.transaction,
        ...(options.hooks === false && { hooks: false }),
      });
      affected += count;
    }
  }
  return affected;
}
