import fs from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** What we use of a sqlite3 `Database`: the connection Sequelize's SQLite dialect hands out. */
export interface SqliteConnection {
  run: (sql: string, cb: (err: Error | null) => void) => void;
  all: (sql: string, bind: unknown[], cb: (err: Error | null, rows: Array<Record<string, unknown>>) => void) => void;
  prepare: (sql: string, cb: (err: Error | null) => void) => SqliteStatement;
  close: (cb?: (err: Error | null) => void) => void;
}

/** A sqlite3 `Statement`, prepared once and run with new values each time. */
export interface SqliteStatement {
  all: (bind: unknown[], cb: (err: Error | null, rows: Array<Record<string, unknown>>) => void) => void;
  finalize: (cb?: () => void) => void;
}
type SqliteConnectionManager = { getConnection: (options?: object) => Promise<SqliteConnection> };

/**
 * Set on every connection: WAL, so that readers and the one writer do not block each other (a list stays quick while
 * a batch is written); foreign keys. The busy timeout stays at sqlite3's 1 s, with Sequelize's retries after it: the
 * wait blocks a libuv thread, and with 10 s, 20 racing decisions (F5) took all four threads from the transaction that
 * held the lock and needed one to commit.
 */
export const SQLITE_PRAGMAS = ['PRAGMA busy_timeout=1000', 'PRAGMA journal_mode=WAL', 'PRAGMA foreign_keys=ON'] as const;

/**
 * Sequelize's SQLite dialect opens its connections itself (one shared, one per transaction) without its pool, so the
 * `afterConnect` hook never runs there; the pragmas are applied when a connection is first handed out instead.
 */
function prepareEachConnection(sequelize: Sequelize, pragmas: readonly string[]): void {
  const manager = sequelize.connectionManager as unknown as SqliteConnectionManager;
  const open = manager.getConnection.bind(manager);
  const prepared = new WeakMap<SqliteConnection, Promise<void>>();
  const run = (db: SqliteConnection, sql: string) => new Promise<void>((resolve, reject) => db.run(sql, (err) => (err ? reject(err) : resolve())));
  manager.getConnection = async (options) => {
    const db = await open(options);
    if (!prepared.has(db)) {
      const applying = pragmas.reduce((done, pragma) => done.then(() => run(db, pragma)), Promise.resolve());
      // A failure is not remembered: Sequelize's retry on SQLITE_BUSY asks again and the pragmas are tried again.
      applying.catch(() => prepared.delete(db));
      prepared.set(db, applying);
    }
    await prepared.get(db);
    return db;
  };
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
      retry: { max: 5 },
      // Sequelize gives each SQLite transaction its own connection; a deferred one that reads before it writes fails
      // at once with SQLITE_BUSY when another writer got in between. Taking the write lock at BEGIN makes it wait.
      transactionType: 'IMMEDIATE' as never,
    });
    prepareEachConnection(sequelize, SQLITE_PRAGMAS);
    return sequelize;
  }
  return new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000, acquire: 10_000 },
    dialectOptions: { connectionTimeoutMillis: 5_000, statement_timeout: 30_000 },
  });
}
