// `npm run secrets:new [-- 密钥编号]`: prints fresh values for every secret production needs, as lines for the
// environment file (/etc/jxcg.env, from deploy/env.example). Nothing is written or kept: paste them once, keep the file
// safe; AUDIT_CHAIN_KEY and the personal-data keys must then stay the same on every web and worker.
import { newProductionSecrets } from '../settings/production-secrets.js';

const keyId = process.argv[2] ?? `${new Date().getFullYear()}a`;
if (!/^[A-Za-z0-9-]{1,16}$/.test(keyId)) {
  console.error('用法: npm run secrets:new [-- 密钥编号]（编号为 1–16 位字母、数字或 -，如 2026a）');
  process.exit(2);
}
for (const [name, value] of Object.entries(newProductionSecrets(keyId))) console.log(`${name}=${value}`);
