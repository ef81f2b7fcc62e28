import type { Sequelize, Transaction } from 'sequelize';
import { wrapCodelessDriverError, type SqliteConnection } from './database.js';
import { preparedStatements, REUSED_SQL_LENGTH } from './prepared-statements.js';

export type Row = Record<string, unknown>;

type PgClient = { query: (sql: string, bind: unknown[]) => Promise<{ rows: Row[] }> };
type ConnectionManager = {
  getConnection: (options: object) => Promise<unknown>;
  releaseConnection: (connection: unknown) => Promise<void>;
};

/**
 * One statement that returns rows, on the database driver's own connection: the one Sequelize would use (a
 * transaction's own; else on SQLite the shared one, with our pragmas, on PostgreSQL one from its pool, with its type
 * parsers), without its query layer, which on every read formats a stack trace and, on SQLite, asks for the table's
 * column types first (`npm run bench`, P6), and rewrites every `$n` of a statement's bound values (P1).
 */
export async function selectRows(sequelize: Sequelize, sql: string, bind: unknown[] = [], transaction?: Transaction): Promise<Row[]> {
  const manager = sequelize.connectionManager as unknown as ConnectionManager;
  const own = (transaction as unknown as { connection?: unknown } | undefined)?.connection;
  if (sequelize.getDialect() === 'sqlite') {
    if (own || sql.length > REUSED_SQL_LENGTH) {
      const db = (own ?? await manager.getConnection({})) as SqliteConnection;
      return new Promise((resolve, reject) => db.all(sql, bind, (err, rows) => (err ? reject(err) : resolve(rows))));
    }
    return preparedStatements(await manager.getConnection({}) as SqliteConnection).all(sql, bind);
  }
  const client = (own ?? await manager.getConnection({ type: 'SELECT' })) as PgClient;
  try {
    return (await client.query(sql, bind)).rows;
  } catch (error) {
    // Past Sequelize's query layer, pg's code-less "Connection terminated unexpectedly" (and the like) would come out
    // bare and answer 500; it gets the wrapper that layer gives it, which server/database-errors.ts reads as the
    // database being unavailable. An error with a SQLSTATE stays as pg gave it.
    throw wrapCodelessDriverError(error);
  } finally {
    if (!own) await manager.releaseConnection(client);
  }
}
