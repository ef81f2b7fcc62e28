// jest globalTeardown: drops every PostgreSQL database of this run (templates, copies, drills' own) and removes the
// run's scratch folder (SQLite copies, data dirs).
import fs from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) return;
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    const base = new URL(url).pathname.slice(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${base}_${runId}_`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  if (process.env.TEST_RUN_DIR) fs.rmSync(process.env.TEST_RUN_DIR, { recursive: true, force: true });
}
