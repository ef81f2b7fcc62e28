import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import sqlite3 from 'sqlite3';
import { createSequelize } from '../../db/database.js';

// The embedded default is SQLite whatever DATABASE_URL the suite runs with, so this file always runs on a SQLite file.
describe('SQLite connections of the embedded default', () => {
  let file: string;
  let sequelize: Sequelize;

  beforeEach(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-sqlite-')), 'main.sqlite');
    sequelize = createSequelize(`sqlite:${file}`);
    await sequelize.query('CREATE TABLE entries (id INTEGER PRIMARY KEY, note TEXT)');
  });
  afterEach(async () => {
    await sequelize.close();
  });

  const pragma = async (name: string, transaction?: Transaction) => {
    const [row] = await sequelize.query<Record<string, unknown>>(`PRAGMA ${name}`, { type: QueryTypes.SELECT, transaction });
    return Object.values(row!)[0];
  };

  it("sets WAL and foreign keys, and keeps the 1 s busy timeout, on the shared connection and on a transaction's own", async () => {
    expect([await pragma('journal_mode'), await pragma('busy_timeout'), await pragma('foreign_keys')]).toEqual(['wal', 1000, 1]);
    await sequelize.transaction(async (transaction) => {
      expect([
        await pragma('journal_mode', transaction),
        await pragma('busy_timeout', transaction),
        await pragma('foreign_keys', transaction),
      ]).toEqual(['wal', 1000, 1]);
    });
  });

  it('keeps the database file in WAL mode for every later connection, ours or not', async () => {
    await pragma('journal_mode');
    const other = new sqlite3.Database(file);
    const mode = await new Promise((resolve, reject) =>
      other.get('PRAGMA journal_mode', (err, row: { journal_mode: string }) => (err ? reject(err) : resolve(row.journal_mode))),
    );
    await new Promise((resolve) => other.close(resolve));
    expect(mode).toBe('wal');
  });

  it('lets a transaction wait out a writer that holds the lock for longer than one busy timeout', async () => {
    await pragma('journal_mode');
    const holder = new sqlite3.Database(file);
    const exec = (sql: string) => new Promise<void>((resolve, reject) => holder.exec(sql, (err) => (err ? reject(err) : resolve())));
    await exec("BEGIN IMMEDIATE; INSERT INTO entries (note) VALUES ('held')");
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        void exec('COMMIT').then(resolve);
      }, 2500),
    );
    const started = Date.now();
    await sequelize.transaction(async (transaction) => {
      await sequelize.query("INSERT INTO entries (note) VALUES ('waited')", { transaction });
    });
    await released;
    await new Promise((resolve) => holder.close(resolve));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
    expect(
      (await sequelize.query<{ note: string }>('SELECT note FROM entries ORDER BY id', { type: QueryTypes.SELECT })).map((r) => r.note),
    ).toEqual(['held', 'waited']);
  });

  it('reads at once while another connection holds an exclusive write, and sees it once committed', async () => {
    await pragma('journal_mode');
    const holder = new sqlite3.Database(file);
    const exec = (sql: string) => new Promise<void>((resolve, reject) => holder.exec(sql, (err) => (err ? reject(err) : resolve())));
    // Without WAL an exclusive lock keeps every reader out until it ends.
    await exec("BEGIN EXCLUSIVE; INSERT INTO entries (note) VALUES ('pending')");
    const count = async () =>
      (await sequelize.query<{ n: number }>('SELECT count(*) AS n FROM entries', { type: QueryTypes.SELECT, retry: { max: 1 } }))[0]!.n;
    const started = Date.now();
    expect(await count()).toBe(0);
    expect(Date.now() - started).toBeLessThan(500);
    await exec('COMMIT');
    await new Promise((resolve) => holder.close(resolve));
    expect(await count()).toBe(1);
  });
});
