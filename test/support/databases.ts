import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * The databases of one jest run (see test/global-setup.mjs). The setup migrates and seeds one template per run, on
 * the engine of DATABASE_URL; every test app then gets a copy of its own: a copied SQLite file, or on PostgreSQL a
 * `CREATE DATABASE … TEMPLATE …`. PostgreSQL databases are named `<database of DATABASE_URL>_<run id>_…`, so
 * concurrent runs and jest workers never share one, and the run's teardown drops them all.
 */
export const RUN_ID = process.env.TEST_RUN_ID ?? 'norun';
const WORKER = process.env.JEST_WORKER_ID ?? '0';

/** The run's scratch folder (SQLite copies, data dirs), removed by the teardown. */
export function runDir(): string {
  const dir = process.env.TEST_RUN_DIR ?? path.join(os.tmpdir(), `jxcg-suite-${RUN_ID}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh folder in the run's scratch folder. */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(runDir(), `w${WORKER}-${prefix}-`));
}

/** The PostgreSQL of this pass (DATABASE_URL), if it is the PostgreSQL pass. */
export const pgUrl = (): string | undefined => (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A database name of this run: `<base>_<run>_<what>` (PostgreSQL keeps 63 bytes of a name). */
export function runDatabaseName(what: string): string {
  const base = new URL(pgUrl()!).pathname.slice(1);
  const name = `${base}_${RUN_ID}_${what}`;
  if (Buffer.byteLength(name) > 63) throw new Error(`database name too long: ${name}`);
  return name;
}

export function urlOfDatabase(name: string): string {
  return Object.assign(new URL(pgUrl()!), { pathname: `/${name}` }).toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The databases this jest worker made for the test file before, dropped the first time this file asks for one (the
 * module is loaded afresh for each file): a worker holds one file's databases at a time, and the teardown drops what is
 * left. The list lives in the run's folder because nothing else survives from one file to the next.
 */
let droppedPrevious = false;
const ledger = () => path.join(runDir(), `postgres-databases-w${WORKER}.txt`);

async function created(names: string[], client: pg.Client): Promise<void> {
  if (!droppedPrevious) {
    droppedPrevious = true;
    const previous = fs.existsSync(ledger()) ? fs.readFileSync(ledger(), 'utf8').split('\n').filter(Boolean) : [];
    for (const name of previous) await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    fs.writeFileSync(ledger(), '');
  }
  fs.appendFileSync(ledger(), names.map((n) => `${n}\n`).join(''));
}

/**
 * A test database need not survive a crash of the server: its commits do not wait for the disk (the setting is the
 * database's own; the transactions, locks and isolation the tests exercise are the same).
 */
export const NO_COMMIT_WAIT = (name: string) => `ALTER DATABASE ${quote(name)} SET synchronous_commit = off`;

const unique = () => `w${WORKER}_${randomBytes(4).toString('hex')}`;

/** New empty PostgreSQL databases of this run, named `<base>_<run>_<name>`; their URLs, in order. */
export async function emptyPostgresDatabases(names: string[]): Promise<string[]> {
  const full = names.map(runDatabaseName);
  await admin(async (client) => {
    await created(full, client);
    for (const name of full) {
      await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quote(name)}`);
      await client.query(NO_COMMIT_WAIT(name));
    }
  });
  return full.map(urlOfDatabase);
}

export async function dropPostgresDatabases(names: string[]): Promise<void> {
  await admin(async (client) => {
    for (const name of names.map(runDatabaseName)) await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  });
}

/** An empty database for a test (nothing migrated): a database of its own on PostgreSQL, else a new SQLite file. */
export async function emptyDatabaseUrl(): Promise<string> {
  if (pgUrl()) return (await emptyPostgresDatabases([unique()]))[0]!;
  return `sqlite:${path.join(scratchDir('empty'), 'test.sqlite')}`;
}

/** An empty payment intermediate database on PostgreSQL (`…_middle`); on SQLite none (the app's data dir has it). */
export async function emptyMiddleDatabaseUrl(): Promise<string | undefined> {
  if (!pgUrl()) return undefined;
  return (await emptyPostgresDatabases([`${unique()}_middle`]))[0]!;
}

/** Gives a copy its own instance id, as a database migrated afresh has (jobs and queues are keyed by it). */
const NEW_INSTANCE = 'UPDATE database_instance SET id = $1';

/**
 * A copy of the run's migrated and seeded template, main and payment intermediate database, for one test app; on
 * SQLite the files go into `dataDir` (the intermediate one where the app would put it).
 */
export async function seededDatabaseUrls(dataDir = scratchDir('data')): Promise<{ DATABASE_URL: string; MIDDLE_DATABASE_URL?: string }> {
  const main = process.env.TEST_TEMPLATE_URL;
  const middle = process.env.TEST_TEMPLATE_MIDDLE_URL;
  if (!main || !middle) {
    // Started without the run's setup (another jest config): empty databases, which the test app migrates and seeds.
    const middleUrl = await emptyMiddleDatabaseUrl();
    return { DATABASE_URL: await emptyDatabaseUrl(), ...(middleUrl && { MIDDLE_DATABASE_URL: middleUrl }) };
  }
  if (pgUrl()) {
    const name = unique();
    const names = [runDatabaseName(name), runDatabaseName(`${name}_middle`)];
    await admin(async (client) => {
      await created(names, client);
      await client.query(`CREATE DATABASE ${quote(names[0]!)} TEMPLATE ${quote(new URL(main).pathname.slice(1))}`);
      await client.query(`CREATE DATABASE ${quote(names[1]!)} TEMPLATE ${quote(new URL(middle).pathname.slice(1))}`);
      for (const name of names) await client.query(NO_COMMIT_WAIT(name));
    });
    const [DATABASE_URL, MIDDLE_DATABASE_URL] = names.map(urlOfDatabase) as [string, string];
    const copy = new pg.Client({ connectionString: DATABASE_URL });
    await copy.connect();
    try {
      await copy.query(NEW_INSTANCE, [randomUUID()]);
    } finally {
      await copy.end();
    }
    return { DATABASE_URL, MIDDLE_DATABASE_URL };
  }
  const file = path.join(dataDir, 'test.sqlite');
  const middleFile = path.join(dataDir, 'payment-middle.sqlite');
  fs.copyFileSync(main.replace(/^sqlite:/, ''), file);
  fs.copyFileSync(middle.replace(/^sqlite:/, ''), middleFile);
  const sqlite3 = (await import('sqlite3')).default;
  await new Promise<void>((resolve, reject) => {
    const db = new sqlite3.Database(file, (opened) => {
      if (opened) return reject(opened);
      db.run(NEW_INSTANCE.replace('$1', '?'), [randomUUID()], (updated) =>
        db.close((closed) => ((updated ?? closed) ? reject(updated ?? closed) : resolve())),
      );
    });
  });
  return { DATABASE_URL: `sqlite:${file}`, MIDDLE_DATABASE_URL: `sqlite:${middleFile}` };
}
