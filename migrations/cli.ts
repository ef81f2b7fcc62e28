import { env } from '../settings/env.js';
import { createSequelize } from '../db/database.js';
import { logger } from '../settings/logger.js';
import { migrateMiddleToLatest, migrateToLatest } from './migrator.js';

const sequelize = createSequelize(env().DATABASE_URL);
const middle = createSequelize(env().MIDDLE_DATABASE_URL);
try {
  const applied = await migrateToLatest(sequelize);
  logger.info({ applied }, applied.length ? '数据库迁移完成' : '数据库已是最新版本');
  const appliedMiddle = await migrateMiddleToLatest(middle);
  logger.info({ applied: appliedMiddle }, appliedMiddle.length ? '支付系统中间库迁移完成' : '支付系统中间库已是最新版本');
} finally {
  await sequelize.close();
  await middle.close();
}
