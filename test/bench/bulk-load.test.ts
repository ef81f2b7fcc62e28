import { afterAll, beforeAll, expect } from '@jest/globals';
import { loadWithIndexesAfter } from '../../bench/bulk-load.js';
import { openDb, type BenchDb } from '../../bench/db.js';
import { emptyDatabaseUrl } from '../support/databases.js';
import { needs } from '../support/requires.js';

const pass = await needs('bench/bulk-load（索引与外键在装载后重建）', 'postgres');

/** What the figures read through: every index and constraint of the table, as PostgreSQL describes them. */
const shapeOf = async (db: BenchDb) => ({
  indexes: (await db.query<{ d: string }>("SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'lines' ORDER BY 1")).map((r) => r.d),
  constraints: (
    await db.query<{ d: string }>(
      "SELECT conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conrelid = 'lines'::regclass ORDER BY 1",
    )
  ).map((r) => r.d),
});

// The bench loads its ten million budget lines this way: a table that came back with an index or a key fewer would
// make every list figure after it measure another database than the product's.
pass.describe('bench/bulk-load: rows first, the indexes and foreign keys after', () => {
  let db: BenchDb;
  beforeAll(async () => {
    db = openDb(await emptyDatabaseUrl(), 1);
    await db.query('CREATE TABLE regions (code varchar(6) PRIMARY KEY)');
    await db.query(`CREATE TABLE lines (id serial PRIMARY KEY, line_id varchar(20) NOT NULL UNIQUE,
      region_code varchar(6) NOT NULL REFERENCES regions (code), name text NOT NULL, created_at timestamptz NOT NULL)`);
    await db.query('CREATE INDEX lines_region_created ON lines (region_code, created_at DESC)');
    await db.query("CREATE INDEX lines_name_lower ON lines (lower(name)) WHERE name <> ''");
    await db.query("INSERT INTO regions VALUES ('360121'), ('360100')");
  });
  afterAll(async () => db?.close());

  pass.it('loads without the secondary indexes and foreign keys, and leaves the table as it found it', async () => {
    const before = await shapeOf(db);
    await loadWithIndexesAfter(db, 'lines', async () => {
      const during = await shapeOf(db);
      expect(during.indexes).toHaveLength(2);
      expect(during.constraints.some((c) => c.includes('FOREIGN KEY'))).toBe(false);
      await db.query(`INSERT INTO lines (line_id, region_code, name, created_at)
        SELECT 'L' || g, CASE WHEN g % 2 = 0 THEN '360121' ELSE '360100' END, '单位' || g, now() FROM generate_series(1, 1000) g`);
    });
    expect(await shapeOf(db)).toEqual(before);
    const [used] = await db.query<{ n: string }>("SELECT count(*) AS n FROM lines WHERE region_code = '360121'");
    expect(Number(used!.n)).toBe(500);
  });

  pass.it('builds the indexes again when the load fails, and a row a foreign key refuses fails the load', async () => {
    const before = await shapeOf(db);
    await expect(
      loadWithIndexesAfter(db, 'lines', async () => {
        throw new Error('load failed');
      }),
    ).rejects.toThrow('load failed');
    expect(await shapeOf(db)).toEqual(before);
    await expect(
      loadWithIndexesAfter(db, 'lines', async () => {
        await db.query("INSERT INTO lines (line_id, region_code, name, created_at) VALUES ('X1', '999999', 'x', now())");
      }),
    ).rejects.toThrow(/foreign key/);
    expect((await shapeOf(db)).indexes).toEqual(before.indexes);
  });
});
