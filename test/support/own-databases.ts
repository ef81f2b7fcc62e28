import { Sequelize } from 'sequelize';

/** The PostgreSQL of the suite's PostgreSQL pass, if this is it. */
export const PG_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

/** Fresh, empty databases of a drill's own beside the suite's (PostgreSQL pass only); their URLs, in order. */
export async function emptyDatabases(names: string[]): Promise<string[]> {
  const admin = new Sequelize(PG_URL!, { logging: false });
  for (const name of names) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  }
  await admin.close();
  return names.map((name) => Object.assign(new URL(PG_URL!), { pathname: `/${name}` }).toString());
}

export async function dropDatabases(names: string[]): Promise<void> {
  const admin = new Sequelize(PG_URL!, { logging: false });
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.close();
}
