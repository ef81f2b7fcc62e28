import { SequelizeStorage, Umzug } from 'umzug';
import type { Sequelize } from 'sequelize';
import * as foundation from './0001-foundation.js';
import * as integration from './0002-integration.js';

/** Migrations are listed, not globbed: the same list works under tsx, jest and a bundled build. */
const MIGRATIONS = [
  { name: '0001-foundation', ...foundation },
  { name: '0002-integration', ...integration },
];

export function createMigrator(sequelize: Sequelize): Umzug<ReturnType<Sequelize['getQueryInterface']>> {
  return new Umzug({
    migrations: MIGRATIONS.map(({ name, up, down }) => ({
      name,
      up: ({ context }) => up({ context }),
      down: ({ context }) => down({ context }),
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

export async function migrateToLatest(sequelize: Sequelize): Promise<string[]> {
  const applied = await createMigrator(sequelize).up();
  return applied.map((m) => m.name);
}
