import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sequelize } from 'sequelize';
import sqlite3 from 'sqlite3';
import { createSequelize, type SqliteConnection } from '../../server/database.js';
import { selectRows } from '../../server/select-rows.js';

// Kept statements exist only on SQLite, so this file makes a SQLite database of its own whichever engine the suite
// runs on.
describe('selectRows on SQLite: statements prepared once and run again', () => {
  let dir: string;
  let sequelize: Sequelize;
  const shared = async () => (sequelize.connectionManager as unknown as { getConnection: (o: object) => Promise<SqliteConnection> }).getConnection({});
  let countPrepares = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-prepared-'));
    sequelize = createSequelize(`sqlite:${path.join(dir, 'prepared.sqlite')}`);
    await sequelize.query('CREATE TABLE lines (id INTEGER PRIMARY KEY, code TEXT NOT NULL, amount NUMERIC)');
    await sequelize.query("INSERT INTO lines (code, amount) VALUES ('A.1', 10), ('B%2', 20), ('c_3', 30)");
    const db = await shared();
    const prepare = db.prepare.bind(db);
    db.prepare = (sql, cb) => { countPrepares++; return prepare(sql, cb); };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prepares a statement once and binds new values on each run', async () => {
    const before = countPrepares;
    const sql = 'SELECT code FROM lines WHERE id = $1';
    expect(await selectRows(sequelize, sql, [1])).toEqual([{ code: 'A.1' }]);
    expect(await selectRows(sequelize, sql, [2])).toEqual([{ code: 'B%2' }]);
    expect(await Promise.all([3, 1, 2].map((id) => selectRows(sequelize, sql, [id])))).toEqual([[{ code: 'c_3' }], [{ code: 'A.1' }], [{ code: 'B%2' }]]);
    expect(countPrepares - before).toBe(1);
  });

  it('sees rows written after the statement was prepared, and columns added since', async () => {
    const sql = 'SELECT * FROM lines ORDER BY id';
    expect(await selectRows(sequelize, sql)).toHaveLength(3);
    await sequelize.query("INSERT INTO lines (code, amount) VALUES ('D4', 40)");
    await sequelize.query('ALTER TABLE lines ADD COLUMN note TEXT');
    const rows = await selectRows(sequelize, sql);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({ id: 4, code: 'D4', amount: 40, note: null });
  });

  it('answers bad SQL with its error every time instead of hanging, and keeps no broken statement', async () => {
    const before = countPrepares;
    await expect(selectRows(sequelize, 'SELEC code FROM lines')).rejects.toThrow(/syntax error/);
    await expect(selectRows(sequelize, 'SELEC code FROM lines')).rejects.toThrow(/syntax error/);
    expect(countPrepares - before).toBe(2);
    await expect(selectRows(sequelize, 'SELECT code FROM missing_table')).rejects.toThrow(/no such table/);
    expect(await selectRows(sequelize, 'SELECT count(*) AS n FROM lines')).toEqual([{ n: 4 }]);
  });

  it('drops a kept statement whose table went away, and prepares it again once the table is back', async () => {
    await sequelize.query('CREATE TABLE scratch (v TEXT)');
    await sequelize.query("INSERT INTO scratch VALUES ('one')");
    const sql = 'SELECT v FROM scratch';
    expect(await selectRows(sequelize, sql)).toEqual([{ v: 'one' }]);
    await sequelize.query('DROP TABLE scratch');
    await expect(selectRows(sequelize, sql)).rejects.toThrow(/no such table/);
    await sequelize.query('CREATE TABLE scratch (v TEXT)');
    await sequelize.query("INSERT INTO scratch VALUES ('two')");
    expect(await selectRows(sequelize, sql)).toEqual([{ v: 'two' }]);
  });

  it('keeps the most recent statements only, and still answers the ones it let go', async () => {
    const distinct = Array.from({ length: 150 }, (_, i) => `SELECT ${i} AS n, count(*) AS total FROM lines`);
    for (const sql of distinct) await selectRows(sequelize, sql);
    const before = countPrepares;
    expect(await selectRows(sequelize, distinct[149]!)).toEqual([{ n: 149, total: 4 }]);
    expect(countPrepares).toBe(before);
    expect(await selectRows(sequelize, distinct[0]!)).toEqual([{ n: 0, total: 4 }]);
    expect(countPrepares).toBe(before + 1);
  });

  it('answers a statement let go while it waits to run, and never finalizes one twice', async () => {
    // The first statement is still being prepared when 150 others push it out of the kept ones.
    const first = selectRows(sequelize, 'SELECT 1 AS one, count(*) AS total FROM lines');
    const others = Array.from({ length: 150 }, (_, i) => selectRows(sequelize, `SELECT ${i + 2} AS n FROM lines LIMIT 1`));
    expect(await first).toEqual([{ one: 1, total: 4 }]);
    expect((await Promise.all(others)).map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 150 }, (_, i) => i + 2));
    await expect(selectRows(sequelize, 'SELEC broken')).rejects.toThrow(/syntax error/);
  });

  it('runs a statement over the length limit without keeping it', async () => {
    const long = `SELECT count(*) AS n FROM lines WHERE code NOT IN (${Array.from({ length: 1200 }, (_, i) => `'X${i}'`).join(', ')})`;
    const before = countPrepares;
    expect(await selectRows(sequelize, long)).toEqual([{ n: 4 }]);
    expect(countPrepares).toBe(before);
  });

  it('holds no read lock between runs: another connection\'s write is checkpointed out of the WAL at once', async () => {
    expect(await selectRows(sequelize, 'SELECT code FROM lines WHERE id = $1', [1])).toEqual([{ code: 'A.1' }]);
    const other = new sqlite3.Database(path.join(dir, 'prepared.sqlite'));
    const run = (sql: string) => new Promise<Array<Record<string, unknown>>>((resolve, reject) => other.all(sql, [], (err, rows) => (err ? reject(err) : resolve(rows as Array<Record<string, unknown>>))));
    try {
      await run("INSERT INTO lines (code, amount) VALUES ('E5', 50)");
      expect(await run('PRAGMA wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
      expect(await selectRows(sequelize, 'SELECT code FROM lines WHERE id = $1', [5])).toEqual([{ code: 'E5' }]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('closes the connection with statements kept (SQLite refuses while any is open)', async () => {
    await selectRows(sequelize, 'SELECT code FROM lines WHERE id = $1', [1]);
    await expect(sequelize.close()).resolves.toBeUndefined();
  });
});
