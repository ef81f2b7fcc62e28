import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ConnectionError, DatabaseError, DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import { createSequelize, wrapCodelessDriverError } from '../../db/database.js';
import { classifyDatabaseError } from '../../db/database-errors.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const PG_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

/**
 * Issue #23 item 7, without a server: the pg client Sequelize gets from createSequelize on PostgreSQL, and the
 * wrapping of pg's code-less errors. Creating the Sequelize instance opens no connection; the client is never
 * connected here, its events are emitted by hand as pg would.
 */
const sequelize = createSequelize('postgres://nobody@127.0.0.1:1/none');
afterAll(() => sequelize.close());

type TestClient = pg.Client & { _invalid?: boolean };
const newClient = (): TestClient => {
  const lib = (sequelize.connectionManager as unknown as { lib: { Client: typeof pg.Client } }).lib;
  return new lib.Client({}) as TestClient;
};
function serverError(code: string, severity: string): pg.DatabaseError {
  return Object.assign(new pg.DatabaseError('x', 1, 'error'), { code, severity });
}

describe('the pg client of createSequelize', () => {
  it('is a pg.Client, through the same module shape (types included)', () => {
    const client = newClient();
    expect(client).toBeInstanceOf(pg.Client);
    expect(client._invalid).toBeUndefined();
    const lib = (sequelize.connectionManager as unknown as { lib: typeof pg }).lib;
    expect(lib.types).toBe(pg.types);
  });

  it('an error on an idle client neither throws nor leaves it valid', () => {
    const client = newClient();
    expect(() => client.emit('error', new Error('Connection terminated unexpectedly'))).not.toThrow();
    expect(client._invalid).toBe(true);
  });

  it.each([
    ['57P01', 'FATAL'],
    ['57P01', '致命错误'],
    ['57P02', 'FATAL'],
    ['08006', 'FATAL'],
    ['25P03', 'FATAL'],
  ])('an ErrorResponse %s (%s) marks it invalid at once, before its socket closes', (code, severity) => {
    const client = newClient();
    client.connection.emit('errorMessage', serverError(code, severity));
    expect(client._invalid).toBe(true);
  });

  it.each([
    ['23505', 'ERROR'],
    ['40001', 'ERROR'],
    ['57014', 'ERROR'],
  ])("a statement's own error %s keeps it in the pool", (code, severity) => {
    const client = newClient();
    client.connection.emit('errorMessage', serverError(code, severity));
    expect(client._invalid).toBeUndefined();
  });

  it('the end of its socket marks it invalid', () => {
    const client = newClient();
    client.connection.emit('end');
    expect(client._invalid).toBe(true);
  });
});

describe('wrapCodelessDriverError', () => {
  it("wraps pg's code-less errors so that they read as the database being unavailable", () => {
    for (const message of ['Connection terminated unexpectedly', 'Client has encountered a connection error and is not queryable']) {
      const bare = new Error(message);
      expect(classifyDatabaseError(bare)).toBeUndefined();
      const query = wrapCodelessDriverError(bare);
      expect(query).toBeInstanceOf(DatabaseError);
      expect(classifyDatabaseError(query)).toBe('unavailable');
      const connect = wrapCodelessDriverError(new Error(message), ConnectionError);
      expect(connect).toBeInstanceOf(ConnectionError);
      expect(classifyDatabaseError(connect)).toBe('unavailable');
    }
  });

  it('leaves an error with a code, and one Sequelize already wrapped, as it is', () => {
    const coded = serverError('23505', 'ERROR');
    expect(wrapCodelessDriverError(coded)).toBe(coded);
    const errno = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(wrapCodelessDriverError(errno)).toBe(errno);
    const sequelizeError = new ConnectionError(new Error('x'));
    expect(wrapCodelessDriverError(sequelizeError)).toBe(sequelizeError);
    expect(wrapCodelessDriverError('not an error')).toBe('not an error');
  });

  it('a code-less error that is not a plain Error is wrapped but stays a 500', () => {
    expect(classifyDatabaseError(wrapCodelessDriverError(new TypeError('Client was passed a null or undefined query')))).toBeUndefined();
  });
});

/** A PostgreSQL backend message: its type byte, its length, its body. */
function backendMessage(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}
const field = (name: string, value: string) => Buffer.from(`${name}${value}\0`);

describe('a session ended just as it connected (a fake server, no database needed)', () => {
  it('no uncaught error, and getConnection fails with an error read as unavailable', async () => {
    // Authentication OK and ReadyForQuery, then in the same chunk 57P01 and the close: pg emits 'error' on the client
    // before Sequelize listens, and Sequelize's connect-time SET statements fail with pg's code-less "not queryable".
    const server = net.createServer((socket) => {
      socket.once('data', () => {
        const authenticationOk = backendMessage('R', Buffer.from([0, 0, 0, 0]));
        const ready = backendMessage('Z', Buffer.from('I'));
        const fatal = backendMessage(
          'E',
          Buffer.concat([
            field('S', 'FATAL'),
            field('V', 'FATAL'),
            field('C', '57P01'),
            field('M', 'terminating connection due to administrator command'),
            Buffer.from([0]),
          ]),
        );
        socket.end(Buffer.concat([authenticationOk, ready, fatal]));
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const ended = createSequelize(`postgres://nobody@127.0.0.1:${port}/none`);
    try {
      const manager = ended.connectionManager as unknown as { getConnection: (options: object) => Promise<unknown> };
      const failure = await manager.getConnection({}).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConnectionError);
      expect(classifyDatabaseError(failure)).toBe('unavailable');
    } finally {
      await ended.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/**
 * The panel's reads go through Sequelize's query layer (`panel/adapter/jurisdiction-resource.ts`: `findAll`, `count`),
 * which wraps every driver error in its `DatabaseError`; pg's code-less "Connection terminated unexpectedly" must come
 * out of them read as the database being unavailable (503), and an error the server answered as what it is. The read
 * goes through a proxy that drops the connection as the statement is sent; the statement never reaches the server, so
 * no table is needed.
 */
(PG_URL ? describe : describe.skip)("the panel's reads on PostgreSQL when the connection under their query fails", () => {
  let proxy: TcpProxy;
  let database: Sequelize;
  let Entry: ModelStatic<Model>;

  beforeAll(async () => {
    const target = new URL(PG_URL!);
    proxy = await startTcpProxy(
      { host: target.hostname, port: Number(target.port || 5432) },
      {
        dropOn: (sent) => sent.includes('dropped_on_read'),
      },
    );
    target.hostname = '127.0.0.1';
    target.port = String(proxy.port);
    database = createSequelize(target.toString());
    Entry = database.define('Entry', { id: { type: DataTypes.INTEGER, primaryKey: true } }, { tableName: 'dropped_on_read' });
  });
  afterAll(async () => {
    await database.close();
    await proxy.close();
  });

  const failureOf = (read: Promise<unknown>) =>
    read.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('a list page and its count fail read as unavailable', async () => {
    for (const read of [() => Entry.findAll({ where: { id: 1 }, limit: 20 }), () => Entry.count({ where: { id: 1 } })]) {
      const failure = await failureOf(read());
      expect(failure).toBeInstanceOf(DatabaseError);
      expect(classifyDatabaseError(failure)).toBe('unavailable');
    }
  });

  it('in a transaction too', async () => {
    const failure = await failureOf(database.transaction((transaction) => Entry.findAll({ transaction })));
    expect(classifyDatabaseError(failure)).toBe('unavailable');
  });

  it('an error the server answered keeps its SQLSTATE and stays a 500', async () => {
    const Missing = database.define('Missing', { id: { type: DataTypes.INTEGER, primaryKey: true } }, { tableName: 'no_such_table_here' });
    const failure = await failureOf(Missing.findAll());
    expect(failure).toBeInstanceOf(DatabaseError);
    expect((failure as DatabaseError & { parent: { code?: string } }).parent.code).toBe('42P01');
    expect(classifyDatabaseError(failure)).toBeUndefined();
  });
});
