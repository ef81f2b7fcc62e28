import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { BaseError, ConnectionError, DatabaseError, Sequelize } from 'sequelize';
import { classifyDatabaseError, mayRunAgain } from './database-errors.js';
import { logger } from '../settings/logger.js';
import { ReadRouting } from './read-routing.js';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/**
 * Set on every connection: WAL, so that readers and the one writer do not block each other (a list stays quick while
 * a batch is written); foreign keys. The busy timeout stays at sqlite3's 1 s, with Sequelize's retries after it: the
 * wait blocks a libuv thread, and with 10 s, 20 racing decisions (F5) took all four threads from the transaction that
 * held the lock and needed one to commit.
 */
export const SQLITE_PRAGMAS = ['PRAGMA busy_timeout=1000', 'PRAGMA journal_mode=WAL', 'PRAGMA foreign_keys=ON'] as const;

/**
 * A sqlite3 database that applies `SQLITE_PRAGMAS` before it reports itself open. Sequelize's SQLite dialect opens its
 * connections itself (one shared, one per transaction) without its pool, so its `afterConnect` hook never runs there;
 * the database class it is given (`dialectModule`) is where every connection passes. A failed pragma leaves the
 * connection open as SQLite made it (Sequelize keeps a connection whose open failed, so failing it would not help):
 * WAL is a property of the file, set again by the next connection that opens it, and the other two are sqlite3's and
 * Sequelize's own defaults.
 */
class PragmaDatabase extends sqlite3.Database {
  constructor(file: string, mode: number, opened: (err: Error | null) => void) {
    // sqlite3 calls its open callback on the database itself.
    super(file, mode, function (this: sqlite3.Database, err: Error | null) {
      if (err) return opened(err);
      this.exec(SQLITE_PRAGMAS.join('; '), (failed) => {
        if (failed) logger.warn({ err: failed }, 'SQLite settings not applied to a connection');
        opened(null);
      });
    });
  }
}

/** `sqlite3` as Sequelize's SQLite dialect loads it (`dialectModule`), with our database class. */
const sqliteWithPragmas = { ...sqlite3, Database: PragmaDatabase };

/**
 * A pg client that is safe to keep in Sequelize's pool when PostgreSQL ends its session (pg_terminate_backend, a
 * restart, a failover: 57P01 "terminating connection due to administrator command", then the socket closes).
 * - It always listens for 'error'. pg emits it on a client whose socket failed or closed without a query running, and
 *   Sequelize listens only once its connect has resumed: an ErrorResponse read in the same chunk as the
 *   ReadyForQuery that finished connecting, or any error on a client whose setup failed (and that Sequelize then drops
 *   without listening), would otherwise be an uncaught exception that ends the process. Its first error is logged at
 *   warn (the log only: nothing of it reaches a user).
 * - It marks itself `_invalid` as soon as its session is over: on a FATAL ErrorResponse (told by SQLSTATE, see
 *   `endsSession`), on an 'error' event, and when its socket ends. Sequelize's pg connection manager `validate`s a
 *   pooled connection with `!connection._invalid && !connection._ending` before handing it out, so the pool destroys
 *   it and opens a new one instead. Without the mark, a connection whose query got 57P01 goes back to the pool and is
 *   handed out again until its socket closes, and the next request fails on it with pg's code-less "Connection
 *   terminated unexpectedly".
 */
class PoolSafeClient extends pg.Client {
  /** Read by Sequelize's pg connection manager (`validate`), which also sets it on an 'error' event. */
  declare _invalid?: boolean;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    let reported = false;
    this.on('error', (error: Error & { code?: unknown }) => {
      this._invalid = true;
      // The first error only: the socket's end after a 57P01 emits "Connection terminated unexpectedly" as well.
      if (reported) return;
      reported = true;
      logger.warn({ err: error, code: error.code }, 'database connection failed; the pool drops it');
    });
    this.connection.on('errorMessage', (message: pg.DatabaseError) => {
      if (endsSession(message)) this._invalid = true;
    });
    this.connection.once('end', () => {
      this._invalid = true;
    });
  }
}

/**
 * Whether an ErrorResponse ends the session: its SQLSTATE means the database went away for us (57P01, 57P02, 57P03,
 * class 08, ...; `db/database-errors.ts`), or, from a server that answers in English, its severity is FATAL or
 * PANIC (the severity field pg reads is the localized one, so it is a second signal, not the only one). PostgreSQL
 * closes the socket after either; the mark only takes the client out of the pool before that close arrives.
 */
function endsSession(message: pg.DatabaseError): boolean {
  return classifyDatabaseError(message) === 'unavailable' || message.severity === 'FATAL' || message.severity === 'PANIC';
}

/** `pg` as Sequelize's pg dialect loads it (`dialectModule`), with our client. */
const pgWithPoolSafeClient = { ...pg, Client: PoolSafeClient };

/**
 * pg fails a call with a plain `Error` and no code when the connection under it failed ("Connection terminated
 * unexpectedly", "Client has encountered a connection error and is not queryable"); every error the server answers
 * carries a SQLSTATE. Sequelize's query layer wraps every driver error in its `DatabaseError`, and
 * `db/database-errors.ts` reads that wrapper around a code-less plain error as the database being unavailable
 * (`isCodelessDriverFailure`, the one place that recognises them). The paths that reach pg past that layer give such
 * an error a Sequelize wrapper here (`Wrapper`: `DatabaseError` for a query, `ConnectionError` for opening a
 * connection); an error with a code, or one Sequelize already wrapped, is returned as it is, so its code stays
 * where callers read it.
 */
export function wrapCodelessDriverError(error: unknown, Wrapper: typeof DatabaseError | typeof ConnectionError = DatabaseError): unknown {
  if (!(error instanceof Error) || error instanceof BaseError || (error as { code?: unknown }).code !== undefined) return error;
  return new Wrapper(error as Error & { sql: string });
}

type PgConnectionManager = { connect: (config: { host?: string; port?: number | string }) => Promise<unknown> };

/**
 * Sequelize's pg `connect` wraps a failure of pg's own connect in `ConnectionError`, but not one of the statements it
 * then sends on the new connection (SET client_min_messages, SET TIME ZONE, the type lookup): a session ended in
 * between fails them with pg's code-less errors, which would come out of `getConnection` bare and answer 500. Such a
 * failure is one of opening the connection, and becomes a `ConnectionError` too.
 */
function wrapSetupFailures(sequelize: Sequelize, routing?: ReadRouting): void {
  const manager = sequelize.connectionManager as unknown as PgConnectionManager;
  const connect = manager.connect.bind(manager);
  manager.connect = async (config) => {
    try {
      return await connect(config);
    } catch (error) {
      routing?.connectionFailed(config);
      throw wrapCodelessDriverError(error, ConnectionError);
    }
  };
}

/**
 * One connection factory for the main and the intermediate database, so both behave alike on either engine. With
 * `replicaUrl` (a PostgreSQL streaming standby of `url`), reads outside a transaction go to the standby unless
 * `db/read-routing.ts` sends them to the primary.
 */
export function createSequelize(url: string, options: { poolMax?: number; replicaUrl?: string } = {}): Sequelize {
  if (dialectOf(url) === 'sqlite') {
    const storage = url.slice('sqlite:'.length);
    if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
    return new Sequelize({
      dialect: 'sqlite',
      dialectModule: sqliteWithPragmas,
      storage,
      logging: false,
      retry: { max: 5 },
      // Sequelize gives each SQLite transaction its own connection; a deferred one that reads before it writes fails
      // at once with SQLITE_BUSY when another writer got in between. Taking the write lock at BEGIN makes it wait.
      transactionType: 'IMMEDIATE' as never,
    });
  }
  const standby = options.replicaUrl ? standbyOf(options.replicaUrl) : undefined;
  let routing: ReadRouting | undefined;
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    dialectModule: pgWithPoolSafeClient,
    logging: false,
    pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000, acquire: 10_000 },
    dialectOptions: { connectionTimeoutMillis: 5_000, statement_timeout: 30_000 },
    ...(standby && { replication: { read: [standby], write: {} } }),
    // Sequelize sends a statement again (on a fresh connection, outside a transaction) when its session had been
    // ended under it, or when the standby it was sent to has just gone (then on the primary); retry-as-promised calls
    // an arrow function as a predicate. A read that meets a stopped standby takes three tries: the ended session, the
    // refused connection, the primary.
    retry: {
      max: standby ? 5 : 3,
      match: [(error: unknown) => mayRunAgain(error) || (error instanceof ConnectionError && !!routing?.standbyJustFailed())],
    },
  });
  if (standby) routing = new ReadRouting(sequelize, { host: standby.host, port: standby.port });
  wrapSetupFailures(sequelize, routing);
  return sequelize;
}

/** The standby's connection settings; what the URL leaves out (TLS, timeouts) is the primary's. */
function standbyOf(replicaUrl: string): { host: string; port: number; username: string; password: string; database: string } {
  const parsed = new URL(replicaUrl);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}
