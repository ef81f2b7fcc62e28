import { dropPostgresDatabases, emptyPostgresDatabases, pgUrl } from './databases.js';

/** The PostgreSQL of the suite's PostgreSQL pass, if this is it. */
export const PG_URL = pgUrl();

/**
 * Fresh, empty databases of a drill's own beside the suite's (PostgreSQL pass only); their URLs, in order. Each name is
 * prefixed with the run's (`<base>_<run id>_<name>`), so two runs at once never share one; the run's end drops them.
 */
export async function emptyDatabases(names: string[]): Promise<string[]> {
  return emptyPostgresDatabases(names);
}

export async function dropDatabases(names: string[]): Promise<void> {
  await dropPostgresDatabases(names);
}
