import { Transaction, type Sequelize } from 'sequelize';

/**
 * A transaction that no other writer of the same `lock` runs beside, in any process: linkage reads and rewrites rows
 * that another batch's linkage may be rewriting too (they deadlocked on shared rows before).
 * PostgreSQL takes a transaction-scoped advisory lock; SQLite takes its single write lock up front.
 */
export async function serializedTransaction<T>(sequelize: Sequelize, lock: number, work: (t: Transaction) => Promise<T>): Promise<T> {
  if (sequelize.getDialect() === 'postgres') {
    return sequelize.transaction(async (transaction) => {
      await sequelize.query('SELECT pg_advisory_xact_lock(7401, :lock)', { replacements: { lock }, transaction });
      return work(transaction);
    });
  }
  return sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, work);
}
