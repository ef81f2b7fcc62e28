import { describe, expect, it } from '@jest/globals';
import { EnvError, parseEnv } from '../../server/env.js';

describe('environment', () => {
  it('defaults give the embedded set-up', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toMatch(/^sqlite:.*data\/supervisor\.sqlite$/);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.QUEUE_DRIVER).toBe('auto');
  });

  it.each([
    [{ PORT: 'abc' }, /^配置错误: PORT="abc" 无效/],
    [{ QUEUE_DRIVER: 'kafka' }, /^配置错误: QUEUE_DRIVER="kafka" 无效，应为 auto \| bullmq \| inline$/],
    [{ DATABASE_URL: 'mysql://x' }, /^配置错误: DATABASE_URL="mysql:\/\/x" 无效，应为 sqlite:<文件路径> 或 postgres/],
    [{ REDIS_URL: 'localhost' }, /^配置错误: REDIS_URL="localhost" 无效/],
    [{ NODE_ENV: 'production' }, /^配置错误: SESSION_SECRET 在 NODE_ENV=production 时必须设置/],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, /^配置错误: INTEGRATION_APP_KEY 和 INTEGRATION_APP_SECRET 在 NODE_ENV=production 时必须设置/],
    [{ INTEGRATION_APP_SECRET: 'short' }, /^配置错误: INTEGRATION_APP_SECRET="short" 无效，至少 32 个字符/],
  ])('%j stops start-up with one line naming the variable', (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it('production starts with real secrets', () => {
    const env = parseEnv({
      NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), INTEGRATION_APP_KEY: 'finance-platform', INTEGRATION_APP_SECRET: 'y'.repeat(40),
    });
    expect(env).toMatchObject({ SESSION_SECRET: 'x'.repeat(40), INTEGRATION_APP_KEY: 'finance-platform', INTEGRATION_APP_SECRET: 'y'.repeat(40) });
  });

  it('development falls back to documented integration credentials', () => {
    expect(parseEnv({})).toMatchObject({ INTEGRATION_APP_KEY: 'jxcg-dev-platform', INTEGRATION_APP_SECRET: 'development-only-integration-secret-0000' });
  });
});
