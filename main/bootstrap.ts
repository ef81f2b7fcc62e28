import http, { type Server } from 'node:http';
import { createJobQueue } from '../queue/create-job-queue.js';
import { useJobQueue } from '../queue/job-dispatch.js';
import type { JobQueue } from '../queue/job-types.js';
import { migrateMiddleToLatest, migrateToLatest, untilMigrated } from '../migrations/migrator.js';
import { refreshPushVerdicts } from '../services/filings/filing-eligibility.js';
import { initMiddleModels, initModels } from '../db/models.js';
import { seedDemo, seedReferenceData } from '../seeds/demo.js';
import { loadRegionNames } from '../services/office-names.js';
import { createApp } from '../http/app.js';
import { createSequelize } from '../db/database.js';
import { usePersonalDataKeys } from '../db/personal-data/personal-cipher.js';
import type { Env } from '../settings/env.js';
import { databaseInstanceId } from '../db/database-instance.js';
import { gracefulClose } from '../http/graceful-close.js';
import { logger } from '../settings/logger.js';
import { chinaDay } from '../domain/dates.js';
import { refreshDeadlines } from '../jobs/deadlines/refresh-deadlines.js';
import { moveTimedStates } from '../jobs/maintenance/move-timed-states.js';
import { keepSchedules } from '../queue/schedules.js';
import { deadlineRules } from '../settings/deadline-rules.js';
import { riskRules } from '../settings/risk-rules.js';
import { supervisionRules } from '../settings/supervision-rules.js';
import { pushRules } from '../settings/push-rules.js';
import { passwordRules } from '../settings/password-policy.js';
import { processorFor } from '../jobs/processors/index.js';
import { jobsReadingThePrimary } from '../jobs/job-reads.js';
import { onPrimary } from '../db/read-routing.js';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { observeDatabase } from '../db/database-metrics.js';
import { observeQueueDepths, timedProcessors } from '../queue/queue-metrics.js';
import { auditConfigurationAtStart, securitySettingsOf } from '../services/configuration-audit.js';
import { configurationFingerprints } from '../settings/configuration-fingerprints.js';

export interface Running {
  server: Server;
  queue: JobQueue;
  url: string;
  stop: () => Promise<void>;
}

/** Migrates, seeds what the mode asks for, and serves the panel; shared by `npm start`, `npm run web` and tests. */
export async function startWeb(env: Env, options: { seedDemo: boolean }): Promise<Running> {
  // A mistake in a config file stops start-up here, before anything is served.
  pushRules();
  supervisionRules();
  passwordRules();
  deadlineRules();
  riskRules();
  // Before the migrations, which seal what is stored in the clear, and before any row is read or written.
  usePersonalDataKeys(env.PERSONAL_DATA_KEYS, env.PERSONAL_DATA_INDEX_KEY);
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'jxcg_web_' });
  const sequelize = createSequelize(env.DATABASE_URL, { poolMax: env.DATABASE_POOL_MAX, replicaUrl: env.DATABASE_REPLICA_URL });
  initModels(sequelize);
  observeDatabase(sequelize, metrics, 'main', env.DATABASE_POOL_MAX);
  const middle = createSequelize(env.MIDDLE_DATABASE_URL, { poolMax: env.DATABASE_POOL_MAX });
  initMiddleModels(middle);
  observeDatabase(middle, metrics, 'middle', env.DATABASE_POOL_MAX);
  // What start-up reads it then writes from: on the primary, never from a standby that may lag.
  await onPrimary(async () => {
    if (env.MIGRATE_ON_START) {
      const applied = await migrateToLatest(sequelize);
      if (applied.length) logger.info({ applied }, 'database migrated');
      const appliedMiddle = await migrateMiddleToLatest(middle);
      if (appliedMiddle.length) logger.info({ applied: appliedMiddle }, 'payment intermediate database migrated');
    } else {
      // Never serve an older schema than this code's: wait for `npm run migrate` (or another instance) to finish.
      await untilMigrated(sequelize, false);
      await untilMigrated(middle, true);
    }
    await seedReferenceData();
    await loadRegionNames();
    if (options.seedDemo && env.NODE_ENV !== 'production') {
      await seedDemo(sequelize, { password: env.DEMO_PASSWORD });
    }
    // A configuration file or security setting changed since the last start is in the audit trail before anything runs on it.
    const recorded = await auditConfigurationAtStart(configurationFingerprints(), securitySettingsOf(env));
    if (recorded.length) logger.info({ recorded }, 'configuration changes recorded in the audit trail');
    // The rules in config/push-rules.yaml may have changed since the verdicts were stored.
    const refreshed = await refreshPushVerdicts();
    if (refreshed) logger.info({ refreshed }, 'push verdicts refreshed');
    // Due dates and overdue flags are current from the first page on; the daily job keeps them so.
    const deadlines = await refreshDeadlines(deadlineRules(), chinaDay(new Date()));
    logger.info(deadlines, 'deadlines refreshed');
    // Biddings past their end and suppliers past their validity, as the minute's maintenance keeps them.
    logger.info(await moveTimedStates(new Date()), 'time-moved states stored');
  });
  const queue = await createJobQueue(
    env,
    await databaseInstanceId(sequelize),
    timedProcessors(jobsReadingThePrimary(processorFor), metrics),
  );
  observeQueueDepths(queue, metrics);
  useJobQueue(queue);
  // With BullMQ the workers keep the schedules (one run per cluster); jobs run in this process only without it.
  const stopSchedules = queue.driver === 'inline' ? keepSchedules(queue) : () => undefined;
  const { app, close } = await createApp({ env, sequelize, queue, metrics });
  const server = await new Promise<Server>((resolve) => {
    // A bulk action names every selected id in its query string; 256 KB holds ten thousand of them.
    const s = http.createServer({ maxHeaderSize: 256 * 1024 }, app).listen(env.PORT, env.HOST, () => resolve(s));
  });
  const closeServer = gracefulClose(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
  logger.info({ url: `${url}/admin`, queue: queue.driver }, '监管端已启动');
  return {
    server,
    queue,
    url,
    stop: async () => {
      stopSchedules();
      // The queue is let go only once the requests in flight have answered: what they accepted is queued.
      await closeServer(env.SHUTDOWN_GRACE_MS);
      useJobQueue(undefined);
      await close();
      await queue.close();
      await sequelize.close();
      await middle.close();
    },
  };
}
