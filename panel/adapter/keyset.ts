import { Op, type literal, type WhereOptions } from 'sequelize';

/** The order a page is read in: by `sortBy`, ties by the key, both in `direction`, as JurisdictionResource sorts. */
export interface KeysetOrder {
  sortBy: string;
  key: string;
  direction: 'ASC' | 'DESC';
  /** Whether `sortBy` may hold NULL. */
  nullable: boolean;
  /** PostgreSQL sorts NULL above every value (last ascending), SQLite below it (first ascending). */
  nullsHigh: boolean;
}

/** The row a page starts after: its key, and its sort value as SQL, so the database compares at its own precision. */
export interface Anchor {
  key: string | number;
  value: ReturnType<typeof literal>;
  valueIsNull: boolean;
}

/**
 * The rows that come after `anchor` in `order`: a page read from there with LIMIT and no OFFSET (keyset paging), so
 * page 5,000 costs what page 2 costs. Ties on the sort value are broken by the key, so no row is skipped or repeated.
 * The value bound (`sortBy >= v`) stands apart from the tie-break so an index on the sort column can start there.
 */
export function rowsAfter(order: KeysetOrder, anchor: Anchor): WhereOptions {
  const forward = order.direction === 'ASC';
  const beyond = forward ? Op.gt : Op.lt;
  const keyBeyond: WhereOptions = { [order.key]: { [beyond]: anchor.key } };
  if (order.sortBy === order.key) return keyBeyond;
  const nullsAfter = forward === order.nullsHigh;
  if (anchor.valueIsNull) {
    const tied: WhereOptions = { [Op.and]: [{ [order.sortBy]: null }, keyBeyond] };
    return nullsAfter ? tied : { [Op.or]: [tied, { [order.sortBy]: { [Op.ne]: null } }] };
  }
  const valued: WhereOptions = {
    [Op.and]: [
      { [order.sortBy]: { [forward ? Op.gte : Op.lte]: anchor.value } },
      { [Op.or]: [{ [order.sortBy]: { [beyond]: anchor.value } }, keyBeyond] },
    ],
  };
  return nullsAfter && order.nullable ? { [Op.or]: [valued, { [order.sortBy]: null }] } : valued;
}
