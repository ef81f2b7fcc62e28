import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { redisAnswers } from '../../queue/redis-connection.js';
import { IS_CI } from './test-app.js';
import { exited } from './worker-process.js';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** Whether a drill can start a Redis of its own; without one a local run skips loudly and CI fails. */
export function ownRedisOrSkip(what: string): boolean {
  if (fs.existsSync(REDIS_SERVER)) return true;
  if (IS_CI) throw new Error(`CI=true 但没有 ${REDIS_SERVER}：${what} 必须用自己启动的 Redis 运行`);
  console.warn(`\n!!!!! 跳过 ${what}：未找到 ${REDIS_SERVER} !!!!!\n`);
  return false;
}

/** Whether we can listen on loopback `port` (nobody else does). */
export const listensOn = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net
      .createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A free loopback port below the kernel's ephemeral range (32768–60999 here). While a drill's Redis is down, clients
 * reconnect to its port many times a second, each from an ephemeral port; one of them may be given the very port they
 * dial and connect to itself (TCP simultaneous open), and then Redis cannot start there again.
 */
export async function redisPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await listensOn(port)) return port;
  }
}

/**
 * Our own Redis on `port`, never the machine's: empty, no persistence, killed at will; fails if it does not answer.
 * `extra` are further `redis-server` options (a replica's `--replicaof`, a Cluster node's).
 */
export async function startRedis(port: number, extra: string[] = []): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(`redis://127.0.0.1:${port}`)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port}`);
}

export async function killRedis(redis: ChildProcess): Promise<void> {
  redis.kill('SIGKILL');
  await exited(redis);
}
