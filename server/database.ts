import fs from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** One connection factory for the main and the intermediate database, so both behave alike on either engine. */
export function createSequelize(url: string, options: { poolMax?: number } = {}): Sequelize {
  if (dialectOf(url) === 'sqlite') {
    const storage = url.slice('sqlite:'.length);
    if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage,
      logging: false,
      // SQLite has one writer: a single pooled connection avoids SQLITE_BUSY between our own queries.
      pool: { max: 1, min: 0, idle: 60_000 },
      retry: { max: 5 },
      // Sequelize gives each SQLite transaction its own connection; a deferred one that reads before it writes fails
      // at once with SQLITE_BUSY when another writer got in between. Taking the write lock at BEGIN makes it wait.
      transactionType: 'IMMEDIATE' as never,
    });
    sequelize.addHook('afterConnect', async (connection: unknown) => {
      const db = connection as { run: (sql: string, cb: (err: Error | null) => void) => void };
      for (const pragma of ['PRAGMA journal_mode=WAL', 'PRAGMA busy_timeout=10000', 'PRAGMA foreign_keys=ON']) {
        await new Promise<void>((resolve, reject) => db.run(pragma, (err) => (err ? reject(err) : resolve())));
      }
    });
    return sequelize;
  }
  return new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000, acquire: 10_000 },
    dialectOptions: { connectionTimeoutMillis: 5_000, statement_timeout: 30_000 },
  });
}
