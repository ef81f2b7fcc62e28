import { parseArgs } from 'node:util';
import { migrateMiddleToLatest, migrateToLatest } from '../migrations/migrator.js';
import { initMiddleModels, initModels } from '../db/models.js';
import { createSequelize } from '../db/database.js';
import { env } from '../settings/env.js';
import { logger } from '../settings/logger.js';
import { seedDemo } from './demo.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1) {
  console.error(`--scale 应为正整数，收到 ${values.scale}`);
  process.exit(2);
}
if (env().NODE_ENV === 'production') {
  console.error('生产环境 (NODE_ENV=production) 不写入演示数据');
  process.exit(2);
}
const sequelize = createSequelize(env().DATABASE_URL);
initModels(sequelize);
// The demo's pushed filings are pushed by the push job, which writes the payment intermediate database.
const middle = createSequelize(env().MIDDLE_DATABASE_URL);
initMiddleModels(middle);
try {
  await migrateToLatest(sequelize);
  await migrateMiddleToLatest(middle);
  await seedDemo(sequelize, { password: env().DEMO_PASSWORD, scale });
  logger.info({ scale }, '演示数据已就绪');
} finally {
  await sequelize.close();
  await middle.close();
}
