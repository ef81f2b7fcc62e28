import fs from 'node:fs';
import path from 'node:path';
import { PG_URL } from './own-databases.js';
import { gate, type Requirement } from './requires.js';
import { IS_CI } from './test-app.js';

/** Debian's PostgreSQL server programs (initdb, pg_ctl, pg_basebackup), for drills that start a server of their own. */
export const PG_BIN = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((dir) =>
  fs.existsSync(path.join(dir, 'initdb')),
);

/**
 * A drill that runs PostgreSQL servers of its own, as the postgres user: only in the PostgreSQL pass, with the server
 * programs and root. Under CI=true a missing program or root fails the file in that pass; elsewhere it is skipped, loudly.
 */
export function ownPostgresDrill(what: string): Requirement {
  const usable = !!PG_URL && !!PG_BIN && process.getuid?.() === 0;
  if (!usable) {
    const why = `${what} needs the PostgreSQL pass, ${PG_BIN ? '' : 'PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup), '}and root to run them as postgres`;
    if (IS_CI && PG_URL) throw new Error(`CI=true: ${why}`);
    console.warn(`${why}: skipped here.`);
  }
  return gate(usable);
}
