import type { BenchDb } from './db.js';

interface Definition {
  name: string;
  definition: string;
}

/**
 * Runs `load` as pg_restore loads a table: its secondary indexes and foreign keys are dropped first and made again
 * afterwards from their own definitions, read back from the catalog (so whatever the migrations declare, today's or a
 * later one's, is what the figures read through). An index built once over the loaded rows costs a fraction of one
 * grown row by row, and each foreign key is checked by one join instead of a trigger per row. The primary key and the
 * unique keys stay: other tables' keys point at them, and the rows arrive in their order.
 */
export async function loadWithIndexesAfter(db: BenchDb, table: string, load: () => Promise<void>): Promise<void> {
  const indexes = await db.query<Definition>(
    `SELECT quote_ident(i.relname) AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [table],
  );
  const foreignKeys = await db.query<Definition>(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`,
    [table],
  );
  for (const key of foreignKeys) await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  try {
    await load();
  } finally {
    // One text, so the memory setting and the builds share a connection and a transaction whatever the pool's size.
    await db.query(
      [
        'BEGIN',
        // The server's 64 MB default sorts ten million keys on disk; a bulk load is given what pg_restore is given.
        "SET LOCAL maintenance_work_mem = '512MB'",
        ...indexes.map((index) => index.definition),
        'COMMIT',
      ].join(';\n'),
    );
    // After the indexes, so that rows a key refuses fail the load with the table's indexes back.
    for (const key of foreignKeys) await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  }
}
