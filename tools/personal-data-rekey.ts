/**
 * `npm run personal-data:rekey` (`personal-data:rekey:dist` from the built form): the rotation of the personal-data
 * key. Put the new key first in PERSONAL_DATA_KEYS and keep the old ones after it (every instance, then restart them:
 * new values are sealed with the new key, old ones still open), run this once, then remove the old keys. It may run
 * while the system serves; it changes a value only if it is still the one it read. Exit code 0 when every value is
 * under the first key, 1 when some could not be opened (a key missing from the list, or a value altered).
 */
import os from 'node:os';
import { initModels } from '../db/models.js';
import { createSequelize } from '../db/database.js';
import { pendingMigrations } from '../migrations/migrator.js';
import { rekeyPersonalData } from '../services/personal-data/rekey-personal-data.js';
import { ConfigError } from '../settings/config-error.js';
import { env } from '../settings/env.js';

let settings: ReturnType<typeof env>;
try {
  settings = env();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const sequelize = createSequelize(settings.DATABASE_URL);
try {
  initModels(sequelize);
  if ((await pendingMigrations(sequelize)).length) {
    console.error('数据库尚未迁移到最新版本：请先运行 npm run migrate，再轮换密钥');
    process.exit(1);
  }
  const keyId = settings.PERSONAL_DATA_KEYS[0]!.id;
  console.log(`个人信息密钥轮换：目标密钥 ${keyId}，可解密的密钥 ${settings.PERSONAL_DATA_KEYS.map((k) => k.id).join('、')}`);
  const counts = await rekeyPersonalData(sequelize, { operator: os.userInfo().username });
  for (const c of counts) {
    console.log(`${c.column}：重新加密 ${c.resealed}，首次加密 ${c.sealed}，无法解密 ${c.unreadable}`);
  }
  const unreadable = counts.reduce((sum, c) => sum + c.unreadable, 0);
  if (unreadable) {
    console.error(`有 ${unreadable} 个值无法解密（密钥不在 PERSONAL_DATA_KEYS 中，或密文被改动），未作改动；请补上旧密钥后重新运行`);
    process.exitCode = 1;
  } else {
    console.log(`完成：全部个人信息均已由密钥 ${keyId} 加密，可从 PERSONAL_DATA_KEYS 中删除其他密钥`);
  }
} finally {
  await sequelize.close();
}
