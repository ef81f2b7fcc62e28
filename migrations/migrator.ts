import { SequelizeStorage, Umzug } from 'umzug';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueryTypes, type Sequelize } from 'sequelize';
import { logger } from '../settings/logger.js';
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
import * as databaseInstance from './0011-database-instance.js';
import * as timeAndDecisions from './0012-time-and-decisions.js';
import * as exportFileChunks from './0013-export-file-chunks.js';
import * as textFilterIndexes from './0014-text-filter-indexes.js';
import * as personalData from './0015-personal-data.js';
import * as passwordPolicy from './0016-password-policy.js';
import * as auditChain from './0017-audit-chain.js';
import * as administratorRoles from './0018-administrator-roles.js';
import * as sessionLimits from './0019-session-limits.js';
import * as configurationState from './0020-configuration-state.js';
import * as auditVerifications from './0021-audit-verifications.js';
import * as riskFlagsAndCases from './0022-risk-flags-and-cases.js';
import * as expertAssignments from './0023-expert-assignments.js';
import * as paymentMiddle from './middle/0001-payment-middle.js';
import * as middleTextFilterIndexes from './middle/0002-text-filter-indexes.js';

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
  { name: '0011-database-instance', ...databaseInstance },
  { name: '0012-time-and-decisions', ...timeAndDecisions },
  { name: '0013-export-file-chunks', ...exportFileChunks },
  { name: '0014-text-filter-indexes', ...textFilterIndexes },
  { name: '0015-personal-data', ...personalData },
  { name: '0016-password-policy', ...passwordPolicy },
  { name: '0017-audit-chain', ...auditChain },
  { name: '0018-administrator-roles', ...administratorRoles },
  { name: '0019-session-limits', ...sessionLimits },
  { name: '0020-configuration-state', ...configurationState },
  { name: '0021-audit-verifications', ...auditVerifications },
  { name: '0022-risk-flags-and-cases', ...riskFlagsAndCases },
  { name: '0023-expert-assignments', ...expertAssignments },
];

/** The payment intermediate database is a separate database with its own history. */
const MIDDLE_MIGRATIONS: Migration[] = [
  { name: 'middle-0001-payment-middle', ...paymentMiddle },
  { name: 'middle-0002-text-filter-indexes', ...middleTextFilterIndexes },
];

export function createMigrator(
  sequelize: Sequelize,
  migrations: Migration[] = MIGRATIONS,
): Umzug<ReturnType<Sequelize['getQueryInterface']>> {
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

/** The advisory lock key every instance migrating this database takes (any fixed number; "jxcg" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x6a786367;

/** How often an instance that finds the migration lock taken tries again. */
const MIGRATION_LOCK_RETRY_MS = 250;

/**
 * Runs `work` while holding the database's migration lock, so N instances started at once migrate one after the
 * other (the later ones find nothing left to do) instead of racing to create the same tables. On PostgreSQL it is a
 * transaction-scoped advisory lock, held by an open transaction on a connection of the pool (so with the pool's
 * server, credentials and TLS, whatever the URL says) until the work is done, and released when that transaction or
 * its connection ends, even if this process dies; SQLite is one file on one machine, whose own write lock serialises
 * the statements.
 * The lock is tried again and again rather than waited for: a statement waiting for it holds a snapshot, and
 * `CREATE INDEX CONCURRENTLY` (the trigram indexes, migrations/trigram-indexes.ts) waits until every older snapshot of
 * its database is gone, so the holder would wait for the waiter for ever. Between tries the waiting transaction holds
 * none.
 */
async function underMigrationLock<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  if (sequelize.getDialect() !== 'postgres') return work();
  return sequelize.transaction(async (transaction) => {
    const tryLock = async () => {
      const [row] = await sequelize.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(:key) AS locked', {
        replacements: { key: MIGRATION_LOCK_KEY },
        transaction,
        type: QueryTypes.SELECT,
      });
      return row!.locked;
    };
    while (!(await tryLock())) await sleep(MIGRATION_LOCK_RETRY_MS);
    return work();
  });
}

export async function migrateToLatest(sequelize: Sequelize): Promise<string[]> {
  return underMigrationLock(sequelize, async () => (await createMigrator(sequelize).up()).map((m) => m.name));
}

export async function migrateMiddleToLatest(sequelize: Sequelize): Promise<string[]> {
  return underMigrationLock(sequelize, async () => (await createMigrator(sequelize, MIDDLE_MIGRATIONS).up()).map((m) => m.name));
}

/** Migrations this database has not had yet (a web that may not migrate waits for them instead of serving). */
export async function pendingMigrations(sequelize: Sequelize, middle = false): Promise<string[]> {
  return (await createMigrator(sequelize, middle ? MIDDLE_MIGRATIONS : MIGRATIONS).pending()).map((m) => m.name);
}

const MIGRATION_POLL_MS = 2000;

/** Resolves once the database has every migration of this code: never serve or work on an older schema. */
export async function untilMigrated(sequelize: Sequelize, middle: boolean): Promise<void> {
  for (let waited = 0; ; waited += MIGRATION_POLL_MS) {
    const pending = await pendingMigrations(sequelize, middle);
    if (!pending.length) return;
    if (waited % 30_000 === 0)
      logger.warn({ pending, database: middle ? 'middle' : 'main' }, 'waiting for pending migrations (npm run migrate)');
    await sleep(MIGRATION_POLL_MS);
  }
}
