import { describe, expect, it } from '@jest/globals';
import { parseEnv } from '../../settings/env.js';
import { auditChainKey, DEV_AUDIT_CHAIN_KEY } from '../../settings/audit-chain-key.js';
import { ConfigError } from '../../settings/config-error.js';
import { queuePrefixOf } from '../../queue/job-identity.js';
import { isClusterTarget, redisTargetOf } from '../../queue/redis-connection.js';

/** The personal-data keys production must be given (settings/personal-data-keys.ts). */
const personalDataKeys = { PERSONAL_DATA_KEYS: `2026a:${'ab'.repeat(16)}`, PERSONAL_DATA_INDEX_KEY: 'cd'.repeat(32) };

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
    [
      { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) },
      /^配置错误: INTEGRATION_APP_KEY 和 INTEGRATION_APP_SECRET 在 NODE_ENV=production 时必须设置/,
    ],
    [{ INTEGRATION_APP_SECRET: 'short' }, /^配置错误: INTEGRATION_APP_SECRET="short" 无效，至少 32 个字符/],
    [
      {
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        INTEGRATION_APP_KEY: 'finance',
        INTEGRATION_APP_SECRET: 'y'.repeat(40),
        ...personalDataKeys,
      },
      /^配置错误: AUDIT_CHAIN_KEY 在 NODE_ENV=production 时必须设置/,
    ],
    [{ AUDIT_CHAIN_KEY: 'short' }, /^配置错误: AUDIT_CHAIN_KEY="short" 无效，至少 32 个字符/],
    [
      { REDIS_SENTINELS: '10.0.0.1:26379,10.0.0.2' },
      /^配置错误: REDIS_SENTINELS="10.0.0.1:26379,10.0.0.2" 无效，应为逗号分隔的 host:port 列表/,
    ],
    [{ REDIS_SENTINELS: '10.0.0.1:99999', REDIS_SENTINEL_NAME: 'm' }, /^配置错误: REDIS_SENTINELS="10.0.0.1:99999" 无效/],
    [{ REDIS_SENTINELS: '10.0.0.1:26379' }, /^配置错误: REDIS_SENTINEL_NAME 在设置 REDIS_SENTINELS 时必须设置/],
    [{ REDIS_SENTINEL_NAME: 'mymaster' }, /^配置错误: REDIS_SENTINEL_NAME 只在设置 REDIS_SENTINELS/],
    [{ REDIS_SENTINEL_PASSWORD: 'secret' }, /^配置错误: REDIS_SENTINEL_PASSWORD 只在设置 REDIS_SENTINELS/],
    [{ REDIS_SENTINEL_NAME: 'my master', REDIS_SENTINELS: 'a:1' }, /^配置错误: REDIS_SENTINEL_NAME="my master" 无效/],
    [
      { REDIS_CLUSTER_NODES: 'redis-1:6379;redis-2:6379' },
      /^配置错误: REDIS_CLUSTER_NODES="redis-1:6379;redis-2:6379" 无效，应为逗号分隔的 host:port 列表/,
    ],
    [
      { REDIS_CLUSTER_NODES: 'a:6379', REDIS_SENTINELS: 'b:26379', REDIS_SENTINEL_NAME: 'm' },
      /^配置错误: REDIS_SENTINELS 与 REDIS_CLUSTER_NODES 只能设置其一/,
    ],
    [
      { REDIS_CLUSTER_NODES: 'a:6379', REDIS_URL: 'redis://:pw@x:6379/2' },
      /^配置错误: REDIS_URL 在 Redis Cluster 模式下不能指定数据库编号/,
    ],
  ])('%j stops start-up with one line naming the variable', (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it('Redis Sentinel and Cluster: addresses parsed, one mode at a time; the hash-tag prefix is derived, not typed', () => {
    const sentinel = parseEnv({ REDIS_SENTINELS: ' 10.0.0.11:26379, sentinel-2.internal:26379,[::1]:26380 ', REDIS_SENTINEL_NAME: 'jxcg' });
    expect(sentinel.REDIS_SENTINELS).toEqual([
      { host: '10.0.0.11', port: 26379 },
      { host: 'sentinel-2.internal', port: 26379 },
      { host: '::1', port: 26380 },
    ]);
    expect(redisTargetOf(sentinel)).toEqual({ sentinels: sentinel.REDIS_SENTINELS, name: 'jxcg', url: 'redis://127.0.0.1:6379' });
    const cluster = parseEnv({ REDIS_CLUSTER_NODES: 'redis-1:6379,redis-2:6379', REDIS_URL: 'redis://:pw@redis-1:6379' });
    expect(redisTargetOf(cluster)).toEqual({
      clusterNodes: [
        { host: 'redis-1', port: 6379 },
        { host: 'redis-2', port: 6379 },
      ],
      url: 'redis://:pw@redis-1:6379',
    });
    expect(isClusterTarget(redisTargetOf(cluster))).toBe(true);
    expect(redisTargetOf(parseEnv({}))).toBe('redis://127.0.0.1:6379');
    expect(redisTargetOf(parseEnv({ REDIS_SENTINELS: '', REDIS_CLUSTER_NODES: ' ' }))).toBe('redis://127.0.0.1:6379');
    expect(() => parseEnv({ QUEUE_PREFIX: '{jxcg}' })).toThrow(/^配置错误: QUEUE_PREFIX="\{jxcg\}" 无效/);
    expect(queuePrefixOf('jxcg', 'db1')).toBe('jxcg:db1');
    expect(queuePrefixOf('jxcg', 'db1', { cluster: true })).toBe('{jxcg:db1}');
  });

  it('production starts with real secrets', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      INTEGRATION_APP_KEY: 'finance-platform',
      INTEGRATION_APP_SECRET: 'y'.repeat(40),
      ...personalDataKeys,
      AUDIT_CHAIN_KEY: 'a'.repeat(40),
    });
    expect(env).toMatchObject({
      SESSION_SECRET: 'x'.repeat(40),
      INTEGRATION_APP_KEY: 'finance-platform',
      INTEGRATION_APP_SECRET: 'y'.repeat(40),
      AUDIT_CHAIN_KEY: 'a'.repeat(40),
    });
  });

  it.each(['true', '*', '10.0.0.0/33', '300.1.1.1', 'loopback,nonsense', '127.0.0.1/8/1'])(
    'TRUST_PROXY=%s is refused (trusting every hop would let a client choose its address)',
    (value) => {
      expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(/^配置错误: TRUST_PROXY=.* 无效/);
    },
  );

  it('TRUST_PROXY trusts nobody by default, or the balancers named', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'loopback, 10.1.2.0/24,::1' }).TRUST_PROXY).toEqual(['loopback', '10.1.2.0/24', '::1']);
  });

  it('PUBLIC_ORIGIN is a list of bare origins', () => {
    expect(parseEnv({ PUBLIC_ORIGIN: 'https://cg.jx.gov.cn, https://cg2.jx.gov.cn:8443' }).PUBLIC_ORIGIN).toEqual([
      'https://cg.jx.gov.cn',
      'https://cg2.jx.gov.cn:8443',
    ]);
    expect(() => parseEnv({ PUBLIC_ORIGIN: 'https://cg.jx.gov.cn/admin' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => parseEnv({ PUBLIC_ORIGIN: 'cg.jx.gov.cn' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('cookies are Secure in production unless plain HTTP on loopback is asked for', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      INTEGRATION_APP_KEY: 'finance-platform',
      INTEGRATION_APP_SECRET: 'y'.repeat(40),
      ...personalDataKeys,
      AUDIT_CHAIN_KEY: 'a'.repeat(40),
    };
    expect(parseEnv(production).COOKIE_SECURE).toBe(true);
    expect(parseEnv({}).COOKIE_SECURE).toBe(false);
    expect(parseEnv({ ...production, COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(() => parseEnv({ ...production, COOKIE_SECURE: 'false', HOST: '0.0.0.0' })).toThrow(/COOKIE_SECURE=false 只允许/);
  });

  it('metrics: a scrape token long enough, a worker port only with it, a pool size within bounds', () => {
    expect(parseEnv({}).DATABASE_POOL_MAX).toBe(10);
    expect(parseEnv({ DATABASE_POOL_MAX: '25' }).DATABASE_POOL_MAX).toBe(25);
    expect(() => parseEnv({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN.*至少 32 个字符/);
    expect(() => parseEnv({ WORKER_METRICS_PORT: '9464' })).toThrow(/WORKER_METRICS_PORT 需要同时设置 METRICS_TOKEN/);
    expect(parseEnv({ WORKER_METRICS_PORT: '9464', METRICS_TOKEN: 't'.repeat(32) }).WORKER_METRICS_PORT).toBe(9464);
  });

  it('production runs jobs on BullMQ unless in-process jobs are asked for explicitly', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      INTEGRATION_APP_KEY: 'finance-platform',
      INTEGRATION_APP_SECRET: 'y'.repeat(40),
      ...personalDataKeys,
      AUDIT_CHAIN_KEY: 'a'.repeat(40),
    };
    expect(parseEnv(production).QUEUE_DRIVER).toBe('bullmq');
    expect(parseEnv({ ...production, QUEUE_DRIVER: 'inline' }).QUEUE_DRIVER).toBe('inline');
    expect(parseEnv({}).QUEUE_DRIVER).toBe('auto');
  });

  it('the production form (dist/) refuses the development secrets unless NODE_ENV=development is set explicitly', () => {
    expect(() => parseEnv({}, { built: true })).toThrow(
      /SESSION_SECRET、INTEGRATION_APP_KEY、INTEGRATION_APP_SECRET、PERSONAL_DATA_KEYS、PERSONAL_DATA_INDEX_KEY、AUDIT_CHAIN_KEY 未设置/,
    );
    expect(() => parseEnv({ NODE_ENV: 'production' }, { built: true })).toThrow(ConfigError);
    expect(parseEnv({ NODE_ENV: 'development' }, { built: true }).SESSION_SECRET).toMatch(/^development-only/);
  });

  it('production needs its own personal-data keys; the keys are id:hex, the sealing one first', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      INTEGRATION_APP_KEY: 'p-1',
      INTEGRATION_APP_SECRET: 'y'.repeat(40),
      AUDIT_CHAIN_KEY: 'a'.repeat(40),
    };
    expect(() => parseEnv(production)).toThrow(
      /^配置错误: PERSONAL_DATA_KEYS 和 PERSONAL_DATA_INDEX_KEY 在 NODE_ENV=production 时必须设置/,
    );
    const env = parseEnv({ ...production, ...personalDataKeys, PERSONAL_DATA_KEYS: `2026b:${'01'.repeat(16)}, 2026a:${'ab'.repeat(16)}` });
    expect(env.PERSONAL_DATA_KEYS.map((k) => [k.id, k.key.toString('hex')])).toEqual([
      ['2026b', '01'.repeat(16)],
      ['2026a', 'ab'.repeat(16)],
    ]);
    expect(env.PERSONAL_DATA_INDEX_KEY.toString('hex')).toBe('cd'.repeat(32));
    expect(parseEnv({}).PERSONAL_DATA_KEYS.map((k) => k.id)).toEqual(['dev']);
    for (const [value, message] of [
      ['abcd', /密钥编号“abcd”应为 1–16 位字母、数字或 -，后接冒号和密钥/],
      [`a:${'ab'.repeat(8)}`, /密钥 a 应为 32 位十六进制/],
      [`a_b:${'ab'.repeat(16)}`, /密钥编号“a_b”/],
      [`a:${'ab'.repeat(16)},a:${'cd'.repeat(16)}`, /密钥编号 a 出现了不止一次/],
    ] as const) {
      expect(() => parseEnv({ PERSONAL_DATA_KEYS: value })).toThrow(message);
      // The line is printed at start-up: it names the variable, never the key.
      expect(() => parseEnv({ PERSONAL_DATA_KEYS: value })).toThrow(/^配置错误: PERSONAL_DATA_KEYS=（值已隐去） 无效，/);
    }
    expect(() => parseEnv({ PERSONAL_DATA_INDEX_KEY: 'ab'.repeat(16) + 'x' })).toThrow(
      /^配置错误: PERSONAL_DATA_INDEX_KEY=（值已隐去） 无效，应为 32–128 位十六进制/,
    );
  });

  it('the 一体化 key accepts both signature methods unless told which', () => {
    expect(parseEnv({}).INTEGRATION_APP_SIGNATURE_METHODS).toEqual(['HMAC-SHA256', 'HMAC-SM3']);
    expect(parseEnv({ INTEGRATION_APP_SIGNATURE_METHODS: ' hmac-sm3 ' }).INTEGRATION_APP_SIGNATURE_METHODS).toEqual(['HMAC-SM3']);
    expect(() => parseEnv({ INTEGRATION_APP_SIGNATURE_METHODS: 'HMAC-SM3,SM2' })).toThrow(
      /^配置错误: INTEGRATION_APP_SIGNATURE_METHODS="HMAC-SM3,SM2" 无效，应为逗号分隔的签名算法：HMAC-SHA256、HMAC-SM3/,
    );
    expect(() => parseEnv({ INTEGRATION_APP_SIGNATURE_METHODS: ' , ' })).toThrow(/INTEGRATION_APP_SIGNATURE_METHODS/);
  });

  it('the audit chain key: read where rows are written, the development one only outside production', () => {
    expect(auditChainKey({ NODE_ENV: 'development' })).toBe(DEV_AUDIT_CHAIN_KEY);
    expect(auditChainKey({ NODE_ENV: 'production', AUDIT_CHAIN_KEY: 'k'.repeat(32) })).toBe('k'.repeat(32));
    expect(() => auditChainKey({ NODE_ENV: 'production' })).toThrow(/^配置错误: AUDIT_CHAIN_KEY 在 NODE_ENV=production 时必须设置/);
    expect(() => auditChainKey({ AUDIT_CHAIN_KEY: 'short' })).toThrow(/^配置错误: AUDIT_CHAIN_KEY 无效，至少 32 个字符/);
  });

  it('development falls back to documented integration credentials', () => {
    expect(parseEnv({})).toMatchObject({
      INTEGRATION_APP_KEY: 'jxcg-dev-platform',
      INTEGRATION_APP_SECRET: 'development-only-integration-secret-0000',
    });
  });
});
