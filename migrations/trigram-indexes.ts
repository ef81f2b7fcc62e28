import type pg from 'pg';
import type { QueryInterface } from 'sequelize';
import { trigramSearchWarning } from '../db/trigram-search.js';
import { logger } from '../settings/logger.js';

/** The columns a migration gives trigram indexes, by table: a fixed list, as a migration must be. */
export type TrigramColumns = Readonly<Record<string, readonly string[]>>;

export const trigramIndexName = (table: string, column: string): string => `${table}_${column}_trgm`;

/**
 * pg_trgm, which PostgreSQL ships (Debian: in the postgresql-15 package). It is a trusted extension (PostgreSQL 13+):
 * the database's owner, as the runbook's app role is, may create it without being a superuser.
 */
async function createTrigramExtension(qi: QueryInterface): Promise<void> {
  try {
    await qi.sequelize.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch (error) {
    throw new Error(
      `无法安装 pg_trgm 扩展（${(error as Error).message}）：请以数据库所有者运行迁移，或由超级用户先执行 CREATE EXTENSION pg_trgm。`,
      { cause: error },
    );
  }
}

/**
 * Makes a GIN trigram index of each column (`<table>_<column>_trgm`), so a contains-filter reads the index instead of
 * the table. CONCURRENTLY, because an upgrade migrates while the previous release serves and ingests, and a plain
 * CREATE INDEX holds the table's writes for the whole build (1,000,000 budget lines: 2–5 s a column; CONCURRENTLY
 * reads the table twice). Such a build cannot run in a transaction, and the pool's 30 s statement timeout would cut a
 * long one short: the builds share a connection of their own, without a timeout, which is closed afterwards rather
 * than handed back. A build cut short (a killed process) leaves an invalid index that IF NOT EXISTS would keep: it is
 * dropped and built again.
 */
export async function createTrigramIndexes(qi: QueryInterface, ...lists: TrigramColumns[]): Promise<void> {
  const { sequelize } = qi;
  if (sequelize.getDialect() !== 'postgres') return;
  await createTrigramExtension(qi);
  const warning = await trigramSearchWarning(sequelize);
  if (warning) logger.warn(warning);
  const indexes = lists.flatMap((list) => Object.entries(list)).flatMap(([table, names]) => names.map((column) => ({ table, column })));
  const connection = (await sequelize.connectionManager.getConnection({ type: 'write' })) as pg.Client;
  const started = Date.now();
  try {
    await connection.query('SET statement_timeout = 0');
    for (const { table, column } of indexes) {
      const name = trigramIndexName(table, column);
      const { rows } = await connection.query<{ valid: boolean }>(
        'SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass($1)',
        [name],
      );
      if (rows[0] && !rows[0].valid) await connection.query(`DROP INDEX CONCURRENTLY ${name}`);
      await connection.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${table} USING gin (${column} gin_trgm_ops)`);
    }
  } finally {
    await sequelize.connectionManager.destroyConnection(connection);
  }
  logger.info({ indexes: indexes.length, ms: Date.now() - started }, 'trigram indexes ready');
}

/** Drops the indexes `createTrigramIndexes` made; the extension stays (other indexes may use it). */
export async function dropTrigramIndexes(qi: QueryInterface, columns: TrigramColumns): Promise<void> {
  if (qi.sequelize.getDialect() !== 'postgres') return;
  for (const [table, names] of Object.entries(columns))
    for (const column of names) await qi.sequelize.query(`DROP INDEX IF EXISTS ${trigramIndexName(table, column)}`);
}
