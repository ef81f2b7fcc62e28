import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import express, { type NextFunction, type Request, type Response } from 'express';
import pg from 'pg';
import {
  ConnectionAcquireTimeoutError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionTimedOutError,
  DatabaseError,
  HostNotReachableError,
  TimeoutError,
  UniqueConstraintError,
} from 'sequelize';
import { classifyDatabaseError, mayRunAgain, type DatabaseFailure } from '../../db/database-errors.js';
import {
  answerDatabaseUnavailable,
  DATABASE_CONFLICT_MESSAGE,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from '../../http/database-unavailable.js';

/** An error as node-postgres builds one from the server's ErrorResponse: pg-protocol's class, SQLSTATE in `code`. */
function pgServerError(code: string, message = 'x'): Error {
  return Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code, severity: 'FATAL' });
}
/** As a driver error reaches our code from a query: wrapped by Sequelize, the driver's in `.parent` and `.original`. */
const wrapped = (driver: Error) => new DatabaseError(Object.assign(driver, { sql: 'SELECT 1' }) as never);
const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const errno = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -1, syscall: 'connect' });
const sqlite = (code: string, errnoValue: number) => Object.assign(new Error(`${code}: something`), { code, errno: errnoValue });
const looped = () => {
  const e: Error & { cause?: unknown } = new Error('loop');
  e.cause = e;
  return e;
};

const table: Array<[string, unknown, DatabaseFailure | undefined]> = [
  // PostgreSQL: the server ends or refuses the session.
  ['57P01 admin_shutdown (pg_terminate_backend, failover), plain', coded('57P01'), 'unavailable'],
  [
    '57P01 as pg builds it, wrapped by Sequelize',
    wrapped(pgServerError('57P01', 'terminating connection due to administrator command')),
    'unavailable',
  ],
  ['57P01 in another language', wrapped(pgServerError('57P01', '由于管理员命令中断联接')), 'unavailable'],
  ['57P02 crash_shutdown', wrapped(pgServerError('57P02')), 'unavailable'],
  ['57P03 cannot_connect_now', new ConnectionError(pgServerError('57P03')), 'unavailable'],
  ['53300 too_many_connections', new ConnectionError(pgServerError('53300')), 'unavailable'],
  ['53300 unwrapped', coded('53300'), 'unavailable'],
  ...['08000', '08003', '08006', '08001', '08004', '08007', '08P01'].map((code): [string, unknown, DatabaseFailure] => [
    `${code} connection exception`,
    wrapped(pgServerError(code)),
    'unavailable',
  ]),
  // PostgreSQL: stopped for a concurrent statement; nothing applied.
  ['40001 serialization_failure', wrapped(pgServerError('40001')), 'conflict'],
  ['40P01 deadlock_detected', wrapped(pgServerError('40P01')), 'conflict'],
  ['40P01 unwrapped', coded('40P01'), 'conflict'],
  // PostgreSQL: the statement's own fault stays a 500.
  ['42P01 undefined_table', wrapped(pgServerError('42P01', 'relation "x" does not exist')), undefined],
  ['57014 query_canceled (statement_timeout)', wrapped(pgServerError('57014')), undefined],
  ['53200 out_of_memory', wrapped(pgServerError('53200')), undefined],
  ['40002 integrity constraint in a transaction', wrapped(pgServerError('40002')), undefined],
  ['23505 unique violation', new UniqueConstraintError({ parent: pgServerError('23505') as never }), undefined],
  [
    'a message that reads like a lost connection but a SQLSTATE that is not',
    wrapped(pgServerError('42601', 'Connection terminated unexpectedly ECONNRESET')),
    undefined,
  ],
  // node-postgres without a code: the socket closed under the query.
  [
    'pg "Connection terminated unexpectedly" (plain Error, no code), wrapped',
    wrapped(new Error('Connection terminated unexpectedly')),
    'unavailable',
  ],
  [
    'pg "Client has encountered a connection error", wrapped',
    wrapped(new Error('Client has encountered a connection error and is not queryable')),
    'unavailable',
  ],
  [
    'a code-less TypeError from a query is a bug, not the link',
    wrapped(new TypeError('Client was passed a null or undefined query')),
    undefined,
  ],
  [
    'a code-less plain Error outside Sequelize is not classified (message ignored)',
    new Error('Connection terminated unexpectedly'),
    undefined,
  ],
  ['message text alone is ignored', new Error('read ECONNRESET'), undefined],
  // Node's socket errors, where pg's socket or Redis's reports them.
  ...['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'].map((code): [string, unknown, DatabaseFailure] => [
    `${code} mid-query, wrapped`,
    wrapped(errno(code)),
    'unavailable',
  ]),
  ['ECONNREFUSED bare', errno('ECONNREFUSED'), 'unavailable'],
  ['ENOENT is not the database', errno('ENOENT'), undefined],
  // Sequelize's connection classes, whatever they wrap.
  ['ConnectionRefusedError', new ConnectionRefusedError(errno('ECONNREFUSED')), 'unavailable'],
  ['ConnectionTimedOutError', new ConnectionTimedOutError(new Error('Connection timed out')), 'unavailable'],
  ['ConnectionAcquireTimeoutError', new ConnectionAcquireTimeoutError(new Error('Operation timeout')), 'unavailable'],
  ['HostNotReachableError', new HostNotReachableError(errno('EHOSTUNREACH')), 'unavailable'],
  ['ConnectionError around a code-less pg error', new ConnectionError(new Error('timeout expired')), 'unavailable'],
  // SQLite (node-sqlite3 sets `code` and `errno`; Sequelize wraps SQLITE_BUSY as its TimeoutError).
  ['SQLITE_BUSY', new TimeoutError(sqlite('SQLITE_BUSY', 5) as never), 'conflict'],
  ['SQLITE_BUSY bare', sqlite('SQLITE_BUSY', 5), 'conflict'],
  ['SQLITE_LOCKED', wrapped(sqlite('SQLITE_LOCKED', 6)), 'conflict'],
  ['SQLITE_BUSY_SNAPSHOT (extended)', wrapped(sqlite('SQLITE_BUSY_SNAPSHOT', 517)), 'conflict'],
  ['SQLITE_CANTOPEN at connect', new ConnectionError(sqlite('SQLITE_CANTOPEN', 14)), 'unavailable'],
  ['SQLITE_CANTOPEN mid-query', wrapped(sqlite('SQLITE_CANTOPEN', 14)), 'unavailable'],
  ['SQLITE_ERROR (bad SQL)', wrapped(sqlite('SQLITE_ERROR', 1)), undefined],
  ['SQLITE_CONSTRAINT_UNIQUE', wrapped(sqlite('SQLITE_CONSTRAINT_UNIQUE', 2067)), undefined],
  // The cause chain.
  ['cause → errno', new Error('outer', { cause: errno('ECONNRESET') }), 'unavailable'],
  ['cause → Sequelize → pg 57P01', new Error('job failed', { cause: wrapped(pgServerError('57P01')) }), 'unavailable'],
  ['original only', Object.assign(new Error('outer'), { original: pgServerError('40001') }), 'conflict'],
  ['a loop ends', looped(), undefined],
  // Not errors at all.
  ['undefined', undefined, undefined],
  ['null', null, undefined],
  ['a string', 'ECONNRESET', undefined],
  ['an object with a numeric code', { code: 57 }, undefined],
];

describe('classifyDatabaseError: by SQLSTATE, errno, SQLite code and Sequelize class, never by message', () => {
  it.each(table)('%s', (_name, error, expected) => {
    expect(classifyDatabaseError(error)).toBe(expected);
    expect(isDatabaseUnavailable(error)).toBe(expected !== undefined);
  });
});

describe('answerDatabaseUnavailable', () => {
  async function answer(
    error: unknown,
    accept: string,
  ): Promise<{ status: number; retryAfter: string | null; type: string; text: string }> {
    const app = express();
    app.get('/', () => {
      throw error;
    });
    app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => answerDatabaseUnavailable(req, res, err));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { accept } });
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        type: response.headers.get('content-type') ?? '',
        text: await response.text(),
      };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }
  const terminated = wrapped(pgServerError('57P01', 'terminating connection due to administrator command'));
  const deadlock = wrapped(pgServerError('40P01', 'deadlock detected on relation "contract_filings" key (id)=(7)'));

  it("a lost database: 503, Retry-After 10, our words in JSON and HTML, none of the driver's", async () => {
    const json = await answer(terminated, 'application/json');
    expect(json).toMatchObject({ status: 503, retryAfter: '10' });
    expect(JSON.parse(json.text)).toEqual({ code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: 10 });
    const html = await answer(terminated, 'text/html');
    expect(html).toMatchObject({ status: 503, retryAfter: '10' });
    expect(html.type).toContain('text/html');
    expect(html.text).toContain(DATABASE_UNAVAILABLE_MESSAGE);
    for (const text of [json.text, html.text]) expect(text).not.toMatch(/terminating|administrator|57P01/);
  });

  it("a conflict: 503, Retry-After 1, 「与他人的操作冲突」, none of the driver's", async () => {
    const json = await answer(deadlock, 'application/json');
    expect(json).toMatchObject({ status: 503, retryAfter: '1' });
    expect(JSON.parse(json.text)).toEqual({ code: 'database_conflict', message: DATABASE_CONFLICT_MESSAGE, retryAfterSeconds: 1 });
    expect(DATABASE_CONFLICT_MESSAGE).toContain('与他人的操作冲突');
    const html = await answer(deadlock, 'text/html');
    expect(html).toMatchObject({ status: 503, retryAfter: '1' });
    expect(html.text).toContain(DATABASE_CONFLICT_MESSAGE);
    for (const text of [json.text, html.text]) expect(text).not.toMatch(/deadlock|contract_filings|40P01/);
  });

  it('without the error (the callers that do not pass it) it answers as a lost database', async () => {
    const app = express();
    app.get('/', (req, res) => answerDatabaseUnavailable(req, res));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
      headers: { accept: 'application/json' },
    });
    await new Promise((resolve) => server.close(resolve));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('10');
    expect(await response.json()).toMatchObject({ code: 'database_unavailable' });
  });
});

describe('mayRunAgain: which failed statements Sequelize sends again on a fresh connection', () => {
  const inFlight = (sql: string) => new DatabaseError(Object.assign(new Error('Connection terminated unexpectedly'), { sql }) as never);
  const cases: Array<[string, unknown, boolean]> = [
    [
      'the server ended the session before it ran (57P01), a write',
      new DatabaseError(Object.assign(pgServerError('57P01'), { sql: 'UPDATE t SET a = 1' }) as never),
      true,
    ],
    ['the server is restarting (57P03)', wrapped(pgServerError('57P03')), true],
    ['a read whose connection ended under it', inFlight('SELECT "id" FROM "contract_filings"'), true],
    ['a read written as a WITH', inFlight('  WITH x AS (SELECT 1) SELECT * FROM x'), true],
    ['a write whose connection ended under it: it may have been committed', inFlight('INSERT INTO t VALUES (1)'), false],
    ['a conflict (40001): the caller decides', wrapped(pgServerError('40001')), false],
    ["the statement's own fault", new UniqueConstraintError({}), false],
    ['the database cannot be reached at all: answered at once', new ConnectionRefusedError(errno('ECONNREFUSED') as never), false],
  ];
  it.each(cases)('%s', (_what, error, expected) => {
    expect(mayRunAgain(error)).toBe(expected);
  });
});
