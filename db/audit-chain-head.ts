import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { headMac, type ChainHead } from '../domain/audit-chain.js';

/** The one row (id 1) that holds the audit chain's end and where pruning left off (migrations/0017-audit-chain.ts). */
export const CHAIN_HEAD_TABLE = 'audit_chain_head';

/** Thrown when the head row is gone: no audited write goes on without it (the database refuses its deletion). */
export class ChainHeadMissingError extends Error {
  constructor() {
    super('操作日志链头记录（audit_chain_head）缺失：请运行 npm run audit:verify 并检查数据库');
  }
}

type HeadColumns = { last_seq: number | string; last_hash: string; pruned_through: number | string; pruned_last_hash: string; mac: string };

const headOf = (row: HeadColumns): ChainHead => ({
  lastSeq: Number(row.last_seq),
  lastHash: row.last_hash,
  prunedThrough: Number(row.pruned_through),
  prunedLastHash: row.pruned_last_hash,
  mac: row.mac,
});

const COLUMNS = 'last_seq, last_hash, pruned_through, pruned_last_hash, mac';

export async function readChainHead(sequelize: Sequelize, transaction?: Transaction): Promise<ChainHead | null> {
  const [row] = await sequelize.query<HeadColumns>(`SELECT ${COLUMNS} FROM ${CHAIN_HEAD_TABLE} WHERE id = 1`, {
    type: QueryTypes.SELECT,
    transaction,
  });
  return row ? headOf(row) : null;
}

/**
 * The head, locked until `transaction` ends: every writer of the chain, in any process, waits here, so places are
 * handed out one after the other and in the order the rows commit. On PostgreSQL the row lock does it; a SQLite
 * transaction of this program already holds the database's single write lock (db/database.ts: IMMEDIATE).
 * `maxSeq` is the highest place taken in the table: a row someone wrote past the head must not block the next one.
 */
export async function lockChainHead(sequelize: Sequelize, transaction: Transaction): Promise<ChainHead & { maxSeq: number }> {
  const lock = sequelize.getDialect() === 'postgres' ? ' FOR UPDATE' : '';
  const [row] = await sequelize.query<HeadColumns & { max_seq: number | string | null }>(
    `SELECT ${COLUMNS}, (SELECT MAX(seq) FROM audit_logs) AS max_seq FROM ${CHAIN_HEAD_TABLE} WHERE id = 1${lock}`,
    { type: QueryTypes.SELECT, transaction },
  );
  if (!row) throw new ChainHeadMissingError();
  return { ...headOf(row), maxSeq: Number(row.max_seq ?? 0) };
}

export async function writeChainHead(
  sequelize: Sequelize,
  transaction: Transaction,
  head: Omit<ChainHead, 'mac'>,
  key: string | Buffer,
): Promise<void> {
  await sequelize.query(
    `UPDATE ${CHAIN_HEAD_TABLE} SET last_seq = :lastSeq, last_hash = :lastHash, pruned_through = :prunedThrough,
       pruned_last_hash = :prunedLastHash, mac = :mac WHERE id = 1`,
    { replacements: { ...head, mac: headMac(key, head) }, transaction },
  );
}
