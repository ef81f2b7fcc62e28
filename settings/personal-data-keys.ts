import { ConfigError } from './config-error.js';

/**
 * The keys personal data at rest is sealed with (SM4) and indexed by (HMAC-SM3), as the environment gives them.
 * `PERSONAL_DATA_KEYS` is `id:hex[,id:hex…]`: the first key seals what is written, every key listed still opens what
 * it sealed, so a rotation is "put the new key first, run `npm run personal-data:rekey`, then drop the old one".
 */
export interface PersonalDataKey {
  /** Written with each sealed value, so the value names the key that opens it. */
  readonly id: string;
  /** 128 bits, as SM4 takes them; the cipher derives its encryption and integrity keys from it. */
  readonly key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9-]{1,16}$/;
const KEY_HEX = /^[0-9a-fA-F]{32}$/;

/** The keys, the sealing one first; a sentence saying what is wrong when the text is not a list of `id:hex`. */
export function parsePersonalDataKeys(text: string): PersonalDataKey[] | string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return '应为逗号分隔的 密钥编号:32位十六进制密钥（如 2026a:<openssl rand -hex 16>），第一个用于加密';
  const keys: PersonalDataKey[] = [];
  for (const part of parts) {
    const [id = '', hex, ...rest] = part.split(':');
    if (!KEY_ID.test(id) || hex === undefined || rest.length)
      return `密钥编号“${id.slice(0, 20)}”应为 1–16 位字母、数字或 -，后接冒号和密钥`;
    if (!KEY_HEX.test(hex)) return `密钥 ${id} 应为 32 位十六进制（128 位 SM4 密钥，可用 openssl rand -hex 16 生成）`;
    if (keys.some((k) => k.id === id)) return `密钥编号 ${id} 出现了不止一次`;
    keys.push({ id, key: Buffer.from(hex, 'hex') });
  }
  return keys;
}

/** The index key as bytes, or a sentence saying why it is not one: at least 128 bits in hex. */
export function personalDataIndexKey(text: string): Buffer | string {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{32,128}$/.test(hex) || hex.length % 2) return '应为 32–128 位十六进制（至少 128 位，可用 openssl rand -hex 32 生成）';
  return Buffer.from(hex, 'hex');
}

/** Development only: production refuses to start without its own keys (settings/env.ts). */
export const DEV_PERSONAL_DATA_KEYS = 'dev:000102030405060708090a0b0c0d0e0f';
export const DEV_PERSONAL_DATA_INDEX_KEY = '101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f';

/**
 * The two keys from the process's environment alone, for what seals or opens outside a web started with its parsed
 * environment (the worker, `npm run migrate`, the rekey, tests migrating a database): the development keys unless
 * production, where settings/env.ts has already refused to start without them.
 */
export function personalDataKeysFrom(source: NodeJS.ProcessEnv): { keys: PersonalDataKey[]; indexKey: Buffer } {
  if (source.NODE_ENV === 'production' && (!source.PERSONAL_DATA_KEYS || !source.PERSONAL_DATA_INDEX_KEY)) {
    throw new ConfigError('配置错误: PERSONAL_DATA_KEYS 和 PERSONAL_DATA_INDEX_KEY 在 NODE_ENV=production 时必须设置');
  }
  const keys = parsePersonalDataKeys(source.PERSONAL_DATA_KEYS || DEV_PERSONAL_DATA_KEYS);
  if (typeof keys === 'string') throw new ConfigError(`配置错误: PERSONAL_DATA_KEYS=（值已隐去） 无效，${keys}`);
  const indexKey = personalDataIndexKey(source.PERSONAL_DATA_INDEX_KEY || DEV_PERSONAL_DATA_INDEX_KEY);
  if (typeof indexKey === 'string') throw new ConfigError(`配置错误: PERSONAL_DATA_INDEX_KEY=（值已隐去） 无效，${indexKey}`);
  return { keys, indexKey };
}
