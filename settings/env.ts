import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { secretLeftAsPublished } from './production-secrets.js';
import { ConfigError } from './config-error.js';
import { SIGNATURE_METHODS, isSignatureMethod, type SignatureMethod } from '../domain/integration-signature.js';
import {
  DEV_PERSONAL_DATA_INDEX_KEY,
  DEV_PERSONAL_DATA_KEYS,
  parsePersonalDataKeys,
  personalDataIndexKey,
  type PersonalDataKey,
} from './personal-data-keys.js';
import { AUDIT_CHAIN_KEY_SCHEMA } from './audit-chain-key.js';

const queueDrivers = ['auto', 'bullmq', 'inline'] as const;

/** The demo users' password unless DEMO_PASSWORD says otherwise; the README publishes it, so production refuses it. */
export const DEFAULT_DEMO_PASSWORD = 'Demo@2026';

/**
 * Rows a list counts exactly before it estimates: counting 100,000 rows costs on PostgreSQL about what a county's whole
 * list page costs (README "Lists over a million rows"), and keeps every city's lists exact at a million rows a table.
 */
export const LIST_EXACT_COUNT_DEFAULT = 100_000;

/** A Redis node or Sentinel: `host:port`, the host a name, an IPv4 address or a bracketed IPv6 one. */
export interface RedisAddress {
  host: string;
  port: number;
}

/** `host:port,host:port,…` as a list of addresses, or null when one of them is not `host:port`. */
export function redisAddresses(value: string): RedisAddress[] | null {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  const addresses: RedisAddress[] = [];
  for (const part of parts) {
    const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(part);
    const port = Number(match?.[3]);
    const host = match?.[1] ?? match?.[2];
    if (!host || !(port >= 1 && port <= 65535) || (match?.[1] && net.isIP(host) !== 6)) return null;
    addresses.push({ host, port });
  }
  return addresses;
}

const addressList = (example: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const addresses = redisAddresses(value);
      if (!addresses) {
        ctx.addIssue({ code: 'custom', message: `应为逗号分隔的 host:port 列表（如 ${example}）` });
        return z.NEVER;
      }
      return addresses;
    });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, '应为 sqlite:<文件路径> 或 postgres://… 形式的连接串')
    .optional(),
  MIDDLE_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, '应为 sqlite:<文件路径> 或 postgres://… 形式的连接串')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, '应为 redis://host:port 形式')
    .default('redis://127.0.0.1:6379'),
  // Redis Sentinel: the Sentinels to ask for the current master of REDIS_SENTINEL_NAME; REDIS_URL then gives only the
  // data nodes' password (and TLS, database number), not their address.
  REDIS_SENTINELS: addressList('10.0.0.11:26379,10.0.0.12:26379,10.0.0.13:26379'),
  REDIS_SENTINEL_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, '应为 Sentinel 配置中 `sentinel monitor <名称> …` 的名称（字母、数字或 _ . -）')
    .optional(),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  // Redis Cluster: a few of its nodes (the rest are discovered); REDIS_URL gives only the password and TLS.
  REDIS_CLUSTER_NODES: addressList('10.0.0.21:6379,10.0.0.22:6379,10.0.0.23:6379'),
  SESSION_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  QUEUE_DRIVER: z.enum(queueDrivers).optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, '应为字母、数字或 _ -（Redis Cluster 所需的 {…} 哈希标签由程序自动加上，不必写）')
    .default('jxcg'),
  DEMO_PASSWORD: z.string().min(8).default(DEFAULT_DEMO_PASSWORD),
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  START_WORKER: z.enum(['true', 'false']).default('true'),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  // How long a stopping web lets requests in flight finish; below a balancer's or Kubernetes' grace period (30 s).
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  INTEGRATION_APP_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, '应为 3–64 位字母、数字或 _ . -')
    .optional(),
  INTEGRATION_APP_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  // The signatures the platform's key may use; `HMAC-SM3` alone refuses HMAC-SHA256 (GB/T 39786 国密).
  INTEGRATION_APP_SIGNATURE_METHODS: z
    .string()
    .default(SIGNATURE_METHODS.join(','))
    .transform((value, ctx) => {
      const methods = [...new Set(value.split(',').map((m) => m.trim().toUpperCase()))].filter(Boolean);
      if (!methods.length || !methods.every(isSignatureMethod)) {
        ctx.addIssue({ code: 'custom', message: `应为逗号分隔的签名算法：${SIGNATURE_METHODS.join('、')}（如只接受国密：HMAC-SM3）` });
        return z.NEVER;
      }
      return methods as SignatureMethod[];
    }),
  // Contact phones of units, suppliers and experts are sealed with SM4 under the first key; all listed keys still open.
  PERSONAL_DATA_KEYS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const keys = parsePersonalDataKeys(value);
      if (typeof keys === 'string') {
        ctx.addIssue({ code: 'custom', message: keys });
        return z.NEVER;
      }
      return keys;
    }),
  // The HMAC-SM3 key of the exact-search index of personal data (a phone number is found by it, never by its text).
  PERSONAL_DATA_INDEX_KEY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const key = personalDataIndexKey(value);
      if (typeof key === 'string') {
        ctx.addIssue({ code: 'custom', message: key });
        return z.NEVER;
      }
      return key;
    }),
  // The HMAC-SM3 key of the audit trail's chain (settings/audit-chain-key.ts): the same on every web and worker.
  AUDIT_CHAIN_KEY: AUDIT_CHAIN_KEY_SCHEMA,
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const trusted = trustedProxies(value);
      if (trusted === null) {
        ctx.addIssue({ code: 'custom', message: '应为 false，或逗号分隔的代理地址 / CIDR 网段（如 127.0.0.1,10.1.2.0/24），或 loopback' });
        return z.NEVER;
      }
      return trusted;
    }),
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const origins = (value ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const origin of origins) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          /* reported below */
        }
        if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
          ctx.addIssue({ code: 'custom', message: '应为逗号分隔的 https://主机[:端口] 形式（不带路径和结尾的 /）' });
          return z.NEVER;
        }
      }
      return origins;
    }),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  // A streaming standby of DATABASE_URL: lists, counts, dashboards and exports read from it.
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '应为 postgres://… 形式的连接串（PostgreSQL 流复制备库）')
    .optional(),
  // How long a user's reads stay on the primary after their own action: above the standby's usual replay lag.
  READ_YOUR_WRITES_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  // Connections per process to PostgreSQL; a PgBouncer in front (transaction mode) lets many processes share few.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Rows a list counts exactly on PostgreSQL before it says 约 (the planner's estimate) or 超过 instead of scanning on.
  LIST_EXACT_COUNT_LIMIT: z.coerce.number().int().min(1).max(100_000_000).default(LIST_EXACT_COUNT_DEFAULT),
  // A Prometheus scraper sends it as `Authorization: Bearer …`; without it only a signed-in administrator reads /metrics.
  METRICS_TOKEN: z.string().min(32, '至少 32 个字符').optional(),
  // The worker's own /metrics (job durations), on HOST; needs METRICS_TOKEN. Unset: the worker serves nothing.
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
  // 等保: a signed-in session unused this long ends (fractions of a minute are for tests); the panel warns before.
  SESSION_IDLE_MINUTES: z.coerce.number().positive('应为正数（分钟）').max(1440, '最多 1440 分钟（24 小时）').default(30),
  // …and, used or not, this long after its login.
  SESSION_MAX_HOURS: z.coerce.number().positive('应为正数（小时）').max(168, '最多 168 小时（7 天）').default(12),
  // A new login ends the same user's other sessions.
  SINGLE_SESSION_PER_USER: z.enum(['true', 'false']).default('false'),
});

/** Every variable the environment is read for (deploy/env.example names each). */
export const ENV_VARIABLES: readonly string[] = Object.keys(schema.shape);

/**
 * Which proxies' `X-Forwarded-For` to believe: nobody's by default, so a client cannot choose the address the login
 * limit counts. `true` (trust every hop) is refused, since it hands that choice back to the client.
 */
export function trustedProxies(value: string): false | string[] | null {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
  const parts = text.split(',').map((p) => p.trim());
  const valid = parts.every((part) => {
    if (named.has(part)) return true;
    const [address, bits, ...rest] = part.split('/');
    const family = net.isIP(address ?? '');
    if (!family || rest.length) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
  });
  return valid ? parts : null;
}

export type Env = Omit<
  z.infer<typeof schema>,
  'COOKIE_SECURE' | 'QUEUE_DRIVER' | 'MIGRATE_ON_START' | 'PERSONAL_DATA_KEYS' | 'PERSONAL_DATA_INDEX_KEY' | 'SINGLE_SESSION_PER_USER'
> & {
  /** Whether a web applies pending migrations at start: not in production, where `npm run migrate` does it once. */
  MIGRATE_ON_START: boolean;
  /** `bullmq` unless said otherwise in production (jobs in the web process must be asked for: `inline`); else `auto`. */
  QUEUE_DRIVER: (typeof queueDrivers)[number];
  DATABASE_URL: string;
  MIDDLE_DATABASE_URL: string;
  SESSION_SECRET: string;
  INTEGRATION_APP_KEY: string;
  INTEGRATION_APP_SECRET: string;
  /** The sealing key first; see settings/personal-data-keys.ts. */
  PERSONAL_DATA_KEYS: PersonalDataKey[];
  PERSONAL_DATA_INDEX_KEY: Buffer;
  /** Cookies only over HTTPS: on unless development or test says otherwise. */
  COOKIE_SECURE: boolean;
  /** A new login ends the user's other sessions. */
  SINGLE_SESSION_PER_USER: boolean;
};

const KEY_VARIABLES = new Set(['PERSONAL_DATA_KEYS', 'PERSONAL_DATA_INDEX_KEY']);

export const DEV_INTEGRATION_APP_KEY = 'jxcg-dev-platform';
export const DEV_INTEGRATION_APP_SECRET = 'development-only-integration-secret-0000';

/**
 * Parses the environment once; a bad value names the variable and what is expected, in one line. `built` is the
 * production form (`dist/`): it refuses the development secrets unless NODE_ENV=development is set explicitly, so a
 * server started without its environment file never runs on secrets anyone can read in this repository.
 */
export function parseEnv(source: NodeJS.ProcessEnv = process.env, { built = false }: { built?: boolean } = {}): Env {
  if (built && source.NODE_ENV !== 'development' && source.NODE_ENV !== 'test') {
    const missing = [
      'SESSION_SECRET',
      'INTEGRATION_APP_KEY',
      'INTEGRATION_APP_SECRET',
      'PERSONAL_DATA_KEYS',
      'PERSONAL_DATA_INDEX_KEY',
      'AUDIT_CHAIN_KEY',
    ].filter((name) => !source[name]);
    if (missing.length) {
      throw new ConfigError(
        `配置错误: ${missing.join('、')} 未设置。生产形式（dist/）不使用开发用密钥；确为开发环境请显式设置 NODE_ENV=development`,
      );
    }
  }
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0]);
    const expected = variable === 'QUEUE_DRIVER' ? `应为 ${queueDrivers.join(' | ')}` : issue.message;
    // A key's value never reaches the log that prints this line.
    const shown = KEY_VARIABLES.has(variable) ? '（值已隐去）' : JSON.stringify(source[variable] ?? '');
    throw new ConfigError(`配置错误: ${variable}=${shown} 无效，${expected}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new ConfigError('配置错误: SESSION_SECRET 在 NODE_ENV=production 时必须设置（至少 32 个字符）');
  }
  if (env.NODE_ENV === 'production' && (!env.INTEGRATION_APP_KEY || !env.INTEGRATION_APP_SECRET)) {
    throw new ConfigError(
      '配置错误: INTEGRATION_APP_KEY 和 INTEGRATION_APP_SECRET 在 NODE_ENV=production 时必须设置（密钥至少 32 个字符）',
    );
  }
  if (env.NODE_ENV === 'production' && (!env.PERSONAL_DATA_KEYS || !env.PERSONAL_DATA_INDEX_KEY)) {
    throw new ConfigError(
      '配置错误: PERSONAL_DATA_KEYS 和 PERSONAL_DATA_INDEX_KEY 在 NODE_ENV=production 时必须设置（个人信息的 SM4 加密密钥和 HMAC-SM3 检索密钥）',
    );
  }
  if (env.NODE_ENV === 'production' && !env.AUDIT_CHAIN_KEY) {
    throw new ConfigError(
      '配置错误: AUDIT_CHAIN_KEY 在 NODE_ENV=production 时必须设置（操作日志防篡改链的密钥，至少 32 个字符，各实例相同）',
    );
  }
  const published = env.NODE_ENV === 'production' ? secretLeftAsPublished(source) : undefined;
  if (published) {
    throw new ConfigError(
      `配置错误: ${published} 仍是 deploy/env.example 中公开的示例值：生产环境不能使用人人可见的密钥，请用 npm run secrets:new 生成新值`,
    );
  }
  if (env.NODE_ENV === 'production' && env.COOKIE_SECURE === 'false' && !['127.0.0.1', '::1', 'localhost'].includes(env.HOST)) {
    throw new ConfigError('配置错误: COOKIE_SECURE=false 只允许在仅监听本机回环地址（HOST=127.0.0.1）时使用；生产环境请经 HTTPS 访问');
  }
  if (env.DATABASE_REPLICA_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? '')) {
    throw new ConfigError('配置错误: DATABASE_REPLICA_URL 只用于 PostgreSQL：DATABASE_URL 须为 postgres://… 主库');
  }
  if (env.REDIS_SENTINELS && env.REDIS_CLUSTER_NODES) {
    throw new ConfigError('配置错误: REDIS_SENTINELS 与 REDIS_CLUSTER_NODES 只能设置其一（Sentinel 主从模式或 Cluster 集群模式）');
  }
  if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME) {
    throw new ConfigError('配置错误: REDIS_SENTINEL_NAME 在设置 REDIS_SENTINELS 时必须设置（Sentinel 监视的主节点名称，如 mymaster）');
  }
  for (const name of ['REDIS_SENTINEL_NAME', 'REDIS_SENTINEL_PASSWORD'] as const) {
    if (env[name] !== undefined && !env.REDIS_SENTINELS) {
      throw new ConfigError(`配置错误: ${name} 只在设置 REDIS_SENTINELS（Sentinel 地址列表）时使用，请同时设置或删除它`);
    }
  }
  if (env.REDIS_CLUSTER_NODES && !/^rediss?:\/\/[^/]*\/?0?$/.test(env.REDIS_URL)) {
    throw new ConfigError(
      '配置错误: REDIS_URL 在 Redis Cluster 模式下不能指定数据库编号（集群只有 0 号库），应为 redis://[:密码@]主机:端口',
    );
  }
  if (env.WORKER_METRICS_PORT && !env.METRICS_TOKEN) {
    throw new ConfigError('配置错误: WORKER_METRICS_PORT 需要同时设置 METRICS_TOKEN（抓取令牌，至少 32 个字符）');
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    DATABASE_URL: env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'supervisor.sqlite')}`,
    MIDDLE_DATABASE_URL: env.MIDDLE_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'payment-middle.sqlite')}`,
    // Development-only fallback: production refuses to start without a real secret (checked above).
    SESSION_SECRET: env.SESSION_SECRET ?? 'development-only-session-secret-change-me-0000',
    INTEGRATION_APP_KEY: env.INTEGRATION_APP_KEY ?? DEV_INTEGRATION_APP_KEY,
    INTEGRATION_APP_SECRET: env.INTEGRATION_APP_SECRET ?? DEV_INTEGRATION_APP_SECRET,
    PERSONAL_DATA_KEYS: env.PERSONAL_DATA_KEYS ?? (parsePersonalDataKeys(DEV_PERSONAL_DATA_KEYS) as PersonalDataKey[]),
    PERSONAL_DATA_INDEX_KEY: env.PERSONAL_DATA_INDEX_KEY ?? (personalDataIndexKey(DEV_PERSONAL_DATA_INDEX_KEY) as Buffer),
    COOKIE_SECURE: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : env.NODE_ENV === 'production',
    QUEUE_DRIVER: env.QUEUE_DRIVER ?? (env.NODE_ENV === 'production' ? 'bullmq' : 'auto'),
    MIGRATE_ON_START: env.MIGRATE_ON_START ? env.MIGRATE_ON_START === 'true' : env.NODE_ENV !== 'production',
    SINGLE_SESSION_PER_USER: env.SINGLE_SESSION_PER_USER === 'true',
  };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env, { built: fileURLToPath(import.meta.url).endsWith('.js') });
  return cached;
}
export function resetEnvForTests(): void {
  cached = undefined;
}
