import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisAddress } from '../settings/env.js';

/** The longest a web request waits on Redis for a queue call or a readiness ping. */
export const WEB_REDIS_TIMEOUT_MS = 1000;
/** The longest a web request waits for a job to be added (BullMQ's add is a script and a round trip or two). */
export const QUEUE_CALL_TIMEOUT_MS = 2000;

/**
 * Where the queues live: one server's URL, a master found through Redis Sentinel, or a Redis Cluster. With Sentinel
 * or Cluster, `url` gives only what the data nodes need (password, user, TLS, database number), not an address.
 */
export type RedisTarget =
  | string
  | { sentinels: RedisAddress[]; name: string; sentinelPassword?: string; url: string }
  | { clusterNodes: RedisAddress[]; url: string };

export type RedisClient = Redis | Cluster;

export interface RedisSettings {
  REDIS_URL: string;
  REDIS_SENTINELS?: RedisAddress[];
  REDIS_SENTINEL_NAME?: string;
  REDIS_SENTINEL_PASSWORD?: string;
  REDIS_CLUSTER_NODES?: RedisAddress[];
}

/** The target the environment names (settings/env.ts has made sure at most one of Sentinel and Cluster is set). */
export function redisTargetOf(settings: RedisSettings): RedisTarget {
  if (settings.REDIS_CLUSTER_NODES?.length) return { clusterNodes: settings.REDIS_CLUSTER_NODES, url: settings.REDIS_URL };
  if (settings.REDIS_SENTINELS?.length) {
    return {
      sentinels: settings.REDIS_SENTINELS,
      name: settings.REDIS_SENTINEL_NAME ?? 'mymaster',
      url: settings.REDIS_URL,
      ...(settings.REDIS_SENTINEL_PASSWORD && { sentinelPassword: settings.REDIS_SENTINEL_PASSWORD }),
    };
  }
  return settings.REDIS_URL;
}

/** BullMQ's keys of one queue must share a Cluster hash slot: the queue prefix then takes the hash-tag form. */
export function isClusterTarget(target: RedisTarget): boolean {
  return typeof target === 'object' && 'clusterNodes' in target;
}

/** The password, user, TLS and database number a URL gives, for nodes whose address comes from elsewhere. */
function nodeOptionsOf(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || 0);
  return {
    ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
    ...(db && { db }),
  };
}

/**
 * The one place a Redis connection is made, for every mode. BullMQ needs `maxRetriesPerRequest: null` on the
 * connections its workers block on; `options` are a single server's (the web's bounded timeouts): for a Cluster those
 * that concern the cluster as a whole go to it, the rest to each node's connection.
 */
export function createRedis(target: RedisTarget, options: RedisOptions = {}): RedisClient {
  const base: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, ...options };
  if (typeof target === 'string') return new Redis(target, base);
  if ('sentinels' in target) {
    return new Redis({
      ...nodeOptionsOf(target.url),
      ...(target.url.startsWith('rediss:') && { enableTLSForSentinelMode: true }),
      ...base,
      sentinels: target.sentinels,
      name: target.name,
      ...(target.sentinelPassword && { sentinelPassword: target.sentinelPassword }),
      // A master Sentinel demotes while it is still up drops its clients, and ioredis connects only to a node that says
      // it is master; one that answered READONLY had not run the command, so it is sent again once reconnected. Not
      // ioredis' `failoverDetector`: `quit()` leaves its Sentinel subscriptions open, and a stopped process never exits.
      reconnectOnError: (error: Error) => (error.message.startsWith('READONLY') ? 2 : false),
    });
  }
  const { enableOfflineQueue, lazyConnect, retryStrategy, enableReadyCheck, ...nodeOptions } = base;
  const clusterOptions: ClusterOptions = {
    enableReadyCheck,
    ...(enableOfflineQueue !== undefined && { enableOfflineQueue }),
    ...(lazyConnect !== undefined && { lazyConnect }),
    ...(retryStrategy && { clusterRetryStrategy: (times: number) => retryStrategy(times) }),
    redisOptions: { ...nodeOptionsOf(target.url), ...nodeOptions },
  };
  return new Cluster(target.clusterNodes, clusterOptions);
}

/** Whether Redis answers within `timeoutMs`; used by QUEUE_DRIVER=auto and /readyz. */
export async function redisAnswers(target: RedisTarget, timeoutMs = 1500): Promise<boolean> {
  const redis = createRedis(target, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    sentinelRetryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs * 2).unref());
  try {
    const answered = (async () => {
      await redis.connect();
      return (await redis.ping()) === 'PONG';
    })();
    answered.catch(() => undefined);
    return await Promise.race([answered, timer]);
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
