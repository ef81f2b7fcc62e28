import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { redisAnswers } from '../../queue/redis-connection.js';
import { killRedis, listensOn, redisPort, REDIS_SERVER, startRedis } from './own-redis.js';
import { until } from './until.js';
import { hasExited } from './worker-process.js';

const REDIS_CLI = path.join(path.dirname(REDIS_SERVER), 'redis-cli');

/** One command to our own Redis (or Sentinel) on `port`, on a connection of its own. */
export async function redisCall(port: number, ...args: Array<string | number>): Promise<unknown> {
  const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await redis.call(String(args[0]), ...args.slice(1).map(String));
  } finally {
    redis.disconnect();
  }
}

const stopAll = async (children: ChildProcess[]) => {
  for (const child of children) if (!hasExited(child)) await killRedis(child);
};

export interface SentinelGroup {
  name: string;
  masterPort: number;
  replicaPort: number;
  sentinelPorts: number[];
  master: ChildProcess;
  /** The environment of a web or worker using this group. */
  env: Record<string, string>;
  /** The data port the Sentinels name as master now. */
  currentMasterPort: () => Promise<number>;
  stop: () => Promise<void>;
}

/**
 * A master, its replica and three Sentinels (quorum 2) of our own on loopback ports: a master that stops answering is
 * deemed down after 1 s and the replica promoted within a few seconds. Resolves once the replica is in sync and every
 * Sentinel knows the replica and the two other Sentinels, so a failover can be agreed on.
 */
export async function startSentinelGroup(name: string): Promise<SentinelGroup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sentinel-${name}-`));
  const children: ChildProcess[] = [];
  try {
    const masterPort = await redisPort();
    // A replica keeps the master's full-sync copy as dump.rdb in its directory: the group's own, not the checkout.
    const master = await startRedis(masterPort, ['--dir', dir]);
    children.push(master);
    const replicaPort = await redisPort();
    children.push(await startRedis(replicaPort, ['--dir', dir, '--replicaof', '127.0.0.1', String(masterPort)]));
    await until(async () => /master_link_status:up/.test(String(await redisCall(replicaPort, 'INFO', 'replication'))), 10_000, '副本同步');
    const sentinelPorts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await redisPort();
      const conf = path.join(dir, `sentinel-${port}.conf`);
      // Sentinel rewrites its file with what it learns: each needs its own, writable.
      fs.writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${masterPort} 2`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 4000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      const sentinel = spawn(REDIS_SERVER, [conf, '--sentinel'], { stdio: 'ignore' });
      children.push(sentinel);
      await until(() => redisAnswers(`redis://127.0.0.1:${port}`, 500), 10_000, 'Sentinel 启动');
      sentinelPorts.push(port);
    }
    await until(
      async () => {
        for (const port of sentinelPorts) {
          const others = (await redisCall(port, 'SENTINEL', 'sentinels', name)) as unknown[];
          const replicas = (await redisCall(port, 'SENTINEL', 'replicas', name)) as unknown[];
          if (others.length < 2 || replicas.length < 1) return false;
        }
        return true;
      },
      30_000,
      'Sentinel 互相发现并发现副本',
    );
    return {
      name,
      masterPort,
      replicaPort,
      sentinelPorts,
      master,
      env: { REDIS_SENTINELS: sentinelPorts.map((p) => `127.0.0.1:${p}`).join(','), REDIS_SENTINEL_NAME: name },
      currentMasterPort: async () => {
        const [, port] = (await redisCall(sentinelPorts[0]!, 'SENTINEL', 'get-master-addr-by-name', name)) as [string, string];
        return Number(port);
      },
      stop: async () => {
        await stopAll(children);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll(children);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A free port whose Cluster bus port (+10000) is free too, both below the kernel's ephemeral range (see redisPort). */
async function clusterPort(): Promise<number> {
  for (;;) {
    const port = await redisPort();
    if (port + 10_000 < 32_768 && (await listensOn(port + 10_000))) return port;
  }
}

export interface OwnCluster {
  ports: number[];
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/** Three `--cluster-enabled` masters of our own, no replicas, joined by `redis-cli --cluster create`; resolves once the cluster is ok. */
export async function startCluster(): Promise<OwnCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-'));
  const children: ChildProcess[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await clusterPort();
      children.push(
        await startRedis(port, ['--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--dir', dir]),
      );
      ports.push(port);
    }
    await promisify(execFile)(
      REDIS_CLI,
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      { timeout: 20_000 },
    );
    await until(
      async () => {
        for (const port of ports) if (!/cluster_state:ok/.test(String(await redisCall(port, 'CLUSTER', 'INFO')))) return false;
        return true;
      },
      20_000,
      'Redis Cluster 就绪',
    );
    return {
      ports,
      env: { REDIS_CLUSTER_NODES: ports.map((p) => `127.0.0.1:${p}`).join(',') },
      stop: async () => {
        await stopAll(children);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll(children);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
