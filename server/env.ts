import path from 'node:path';
import { z } from 'zod';

const queueDrivers = ['auto', 'bullmq', 'inline'] as const;

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
  REDIS_URL: z.string().regex(/^rediss?:\/\//, '应为 redis://host:port 形式').default('redis://127.0.0.1:6379'),
  SESSION_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  QUEUE_DRIVER: z.enum(queueDrivers).default('auto'),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('jxcg'),
  DEMO_PASSWORD: z.string().min(8).default('Demo@2026'),
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  START_WORKER: z.enum(['true', 'false']).default('true'),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  INTEGRATION_APP_KEY: z.string().regex(/^[A-Za-z0-9_.-]{3,64}$/, '应为 3–64 位字母、数字或 _ . -').optional(),
  INTEGRATION_APP_SECRET: z.string().min(32, '至少 32 个字符').optional(),
});

export type Env = z.infer<typeof schema> & {
  DATABASE_URL: string; MIDDLE_DATABASE_URL: string; SESSION_SECRET: string; INTEGRATION_APP_KEY: string; INTEGRATION_APP_SECRET: string;
};

export const DEV_INTEGRATION_APP_KEY = 'jxcg-dev-platform';
export const DEV_INTEGRATION_APP_SECRET = 'development-only-integration-secret-0000';

export class EnvError extends Error {}

/** Parses the environment once; a bad value names the variable and what is expected, in one line. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0]);
    const expected =
      variable === 'QUEUE_DRIVER' ? `应为 ${queueDrivers.join(' | ')}` : issue.message;
    throw new EnvError(`配置错误: ${variable}=${JSON.stringify(source[variable] ?? '')} 无效，${expected}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new EnvError('配置错误: SESSION_SECRET 在 NODE_ENV=production 时必须设置（至少 32 个字符）');
  }
  if (env.NODE_ENV === 'production' && (!env.INTEGRATION_APP_KEY || !env.INTEGRATION_APP_SECRET)) {
    throw new EnvError('配置错误: INTEGRATION_APP_KEY 和 INTEGRATION_APP_SECRET 在 NODE_ENV=production 时必须设置（密钥至少 32 个字符）');
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
  };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
export function resetEnvForTests(): void {
  cached = undefined;
}
