import { SequelizeStorage, Umzug } from 'umzug';
import type { Sequelize } from 'sequelize';
import * as foundation from './0001-foundation.js';
import * as integration from './0002-integration.js';
import * as filings from './0003-filings.js';
import * as plan from './0004-plan.js';
import * as agreement from './0005-agreement.js';
import * as anomaliesExperts from './0006-anomalies-experts.js';
import * as preTrade from './0007-pre-trade.js';
import * as deadlinesExports from './0008-deadlines-exports.js';
import * as listIndexes from './0009-list-indexes.js';
import * as sessionRights from './0010-session-rights.js';
import * as paymentMiddle from './middle/0001-payment-middle.js';

type Migration = { name: string; up: typeof foundation.up; down: typeof foundation.down };

/** Migrations are listed, not globbed: the same list works under tsx, jest and a bundled build. */
const MIGRATIONS: Migration[] = [
  { name: '0001-foundation', ...foundation },
  { name: '0002-integration', ...integration },
  { name: '0003-filings', ...filings },
  { name: '0004-plan', ...plan },
  { name: '0005-agreement', ...agreement },
  { name: '0006-anomalies-experts', ...anomaliesExperts },
  { name: '0007-pre-trade', ...preTrade },
  { name: '0008-deadlines-exports', ...deadlinesExports },
  { name: '0009-list-indexes', ...listIndexes },
  { name: '0010-session-rights', ...sessionRights },
];

/** The payment intermediate database is a separate database with its own history. */
const MIDDLE_MIGRATIONS: Migration[] = [
  { name: 'middle-0001-payment-middle', ...paymentMiddle },
];

export function createMigrator(sequelize: Sequelize, migrations: Migration[] = MIGRATIONS): Umzug<ReturnType<Sequelize['getQueryInterface']>> {
  return new Umzug({
    migrations: migrations.map(({ name, up, down }) => ({
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

export async function migrateMiddleToLatest(sequelize: Sequelize): Promise<string[]> {
  const applied = await createMigrator(sequelize, MIDDLE_MIGRATIONS).up();
  return applied.map((m) => m.name);
}
