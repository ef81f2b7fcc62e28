import { ConnectionError, DatabaseError } from 'sequelize';

/**
 * What a failed database call means for the request that made it, when it is not the request's own fault:
 * - `unavailable`: the database cannot be reached or refused the session (a failover, a restart, a cut link, no free
 *   connection); the pool drops the broken connection and a later try succeeds once the database is back.
 * - `conflict`: the database stopped this statement because of another one running at the same time (serialization
 *   failure, deadlock, a SQLite lock); nothing of it was applied and the same request sent again succeeds.
 * Anything else (`undefined`) is a 500: a fault of ours, logged in full.
 *
 * Classification reads only the codes the drivers set (SQLSTATE, Node's errno code, SQLite's result code) and the
 * classes Sequelize wraps them in, never the message text: the text changes with the server's language and version.
 */
export type DatabaseFailure = 'unavailable' | 'conflict';

const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown, a failover
  '57P02', // crash_shutdown: another backend crashed and the server resets every session
  '57P03', // cannot_connect_now: the server is starting or in recovery
  '53300', // too_many_connections
]);
/** Class 08, connection exception: 08000, 08003, 08006, 08001, 08004, 08007, 08P01. */
const CONNECTION_EXCEPTION_CLASS = '08';

const CONFLICT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Node's socket errno codes: the link to the database went away or never came. */
const UNAVAILABLE_ERRNO = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * SQLite's primary result codes (node-sqlite3 sets `code` to them). BUSY and LOCKED: another connection holds the
 * lock past the busy timeout and Sequelize's own retries, or a transaction would deadlock on upgrading its lock;
 * the statement did nothing. CANTOPEN: the database file cannot be opened (its disk or directory went away).
 */
const SQLITE_CONFLICT = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
const SQLITE_UNAVAILABLE = new Set(['SQLITE_CANTOPEN']);

const SQLSTATE = /^[0-9A-Z]{5}$/;
const SQLITE_PRIMARY = /^SQLITE_[A-Z]+/;

/** How many errors of a cause chain are looked at; a chain that loops or nests deeper is not ours. */
const MAX_CHAIN = 12;

function byCode(code: unknown): DatabaseFailure | undefined {
  if (typeof code !== 'string') return undefined;
  // Before the SQLSTATE test: EPIPE has five capitals too.
  if (UNAVAILABLE_ERRNO.has(code)) return 'unavailable';
  if (SQLSTATE.test(code)) {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith(CONNECTION_EXCEPTION_CLASS)) return 'unavailable';
    if (CONFLICT_SQLSTATES.has(code)) return 'conflict';
    return undefined;
  }
  const sqlite = SQLITE_PRIMARY.exec(code)?.[0];
  if (sqlite && SQLITE_CONFLICT.has(sqlite)) return 'conflict';
  if (sqlite && SQLITE_UNAVAILABLE.has(sqlite)) return 'unavailable';
  return undefined;
}

/**
 * pg gives no code to a connection that ends under a running query ("Connection terminated unexpectedly", "Client
 * has encountered a connection error and is not queryable", "Query read timeout"): it is a plain `Error`. Every
 * error the PostgreSQL server itself answers is pg-protocol's `DatabaseError` and carries a SQLSTATE, and every
 * SQLite error carries a result code; so a query that Sequelize wraps as `DatabaseError` around a plain, code-less
 * `Error` failed because the connection did, not because of the statement. (pg's argument checks, such as "Query
 * values must be an array", are plain too, but Sequelize builds every query it sends and never trips them.)
 */
function isCodelessDriverFailure(error: DatabaseError): boolean {
  const driver: unknown = error.parent ?? error.original;
  return driver instanceof Error && Object.getPrototypeOf(driver) === Error.prototype && (driver as { code?: unknown }).code === undefined;
}

function causesOf(error: object): unknown[] {
  const { parent, original, cause } = error as { parent?: unknown; original?: unknown; cause?: unknown };
  return [parent, original, cause];
}

/**
 * The meaning of an error thrown by a database call, from the error and the errors it wraps (`parent` and
 * `original` for Sequelize, `cause` for everyone else), outermost first.
 */
export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < MAX_CHAIN) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof ConnectionError) return 'unavailable';
    const found = byCode((current as { code?: unknown }).code);
    if (found) return found;
    if (current instanceof DatabaseError && isCodelessDriverFailure(current)) return 'unavailable';
    queue.push(...causesOf(current));
  }
  return undefined;
}

/**
 * Whether an error means "the database cannot serve this right now" rather than "this request is wrong": the
 * database cannot be reached, or it stopped the statement for a concurrent one (by SQLSTATE, errno and SQLite code,
 * never by message text). The answer is then a 503 the client can retry, never a 500 or a misleading "wrong password".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDatabaseError(error) !== undefined;
}

/** The server ended the session: the statement was rolled back with it, or never began. */
const SESSION_ENDED_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const READ_ONLY_STATEMENT = /^\s*(SELECT|WITH)\b/i;

/**
 * Whether a failed statement may simply be sent again on a fresh connection. When PostgreSQL ends the pool's sessions
 * (pg_terminate_backend, a failover), the next statement may still be handed a connection whose end this process has
 * not read yet: the server's answer to it is 57P01 (it never ran), or the connection ends under it. The first is safe
 * to send again whatever it was; the second only for a read, since a write may have been committed just before.
 * Judged by SQLSTATE and by the statement, never by the driver's message.
 */
export function mayRunAgain(error: unknown): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < MAX_CHAIN) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (SESSION_ENDED_SQLSTATES.has(String((current as { code?: unknown }).code))) return true;
    if (current instanceof DatabaseError && isCodelessDriverFailure(current)) return READ_ONLY_STATEMENT.test(current.sql ?? '');
    queue.push(...causesOf(current));
  }
  return false;
}
