import { z } from 'zod';
import { ConfigError } from './config-error.js';

export const AUDIT_CHAIN_KEY_SCHEMA = z.string().min(32, '至少 32 个字符').optional();

/** Outside production only: a chain keyed with a value anyone can read in this repository proves nothing. */
export const DEV_AUDIT_CHAIN_KEY = 'development-only-audit-chain-key-change-me-0000';

let known: { raw: string | undefined; key: string } | undefined;

/**
 * The HMAC-SM3 key of the audit trail's chain. Read from the process's own environment wherever a row is written or
 * checked (web, worker, migration, seeds, `admin:create`, `audit:verify`), so no caller can hand a different one; the
 * start of a web or worker has already refused a missing or short key in production (settings/env.ts).
 */
export function auditChainKey(source: NodeJS.ProcessEnv = process.env): string {
  const raw = source.AUDIT_CHAIN_KEY;
  if (known && known.raw === raw && source === process.env) return known.key;
  const parsed = AUDIT_CHAIN_KEY_SCHEMA.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`配置错误: AUDIT_CHAIN_KEY 无效，${parsed.error.issues[0]!.message}`);
  if (parsed.data === undefined && source.NODE_ENV === 'production')
    throw new ConfigError(
      '配置错误: AUDIT_CHAIN_KEY 在 NODE_ENV=production 时必须设置（操作日志防篡改链的密钥，至少 32 个字符，各实例相同）',
    );
  const key = parsed.data ?? DEV_AUDIT_CHAIN_KEY;
  if (source === process.env) known = { raw, key };
  return key;
}
