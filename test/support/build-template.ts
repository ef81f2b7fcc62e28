// Run once per jest run by test/global-setup.mjs (under tsx): migrates the run's template databases and seeds them as
// a fresh test app's start does (main/bootstrap.ts: migrations, reference data, demo data), and stops there. The
// rest of that start (push verdicts, deadlines, timed states) each copy's own start does, once and at its own time,
// so a copy is in the state a fresh database was in before: the same rows, written in the same order.
import { migrateMiddleToLatest, migrateToLatest } from '../../migrations/migrator.js';
import { initMiddleModels, initModels } from '../../db/models.js';
import { seedDemo, seedReferenceData } from '../../seeds/demo.js';
import { createSequelize } from '../../db/database.js';
import { DEMO_PASSWORD } from './test-app.js';

const sequelize = createSequelize(process.env.TEMPLATE_DATABASE_URL!);
initModels(sequelize);
const middle = createSequelize(process.env.TEMPLATE_MIDDLE_DATABASE_URL!);
initMiddleModels(middle);
try {
  await migrateToLatest(sequelize);
  await migrateMiddleToLatest(middle);
  await seedReferenceData();
  await seedDemo(sequelize, { password: DEMO_PASSWORD });
} finally {
  await sequelize.close();
  await middle.close();
}
process.exit(0);
