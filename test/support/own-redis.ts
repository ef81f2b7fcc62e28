import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { redisAnswers } from '../../jobs/redis-connection.js';
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

/** Our own Redis on `port`, never the machine's: empty, no persistence, killed at will. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await redisAnswers(`redis://127.0.0.1:${port}`)); i++) await new Promise((r) => setTimeout(r, 100));
  return child;
}

export async function killRedis(redis: ChildProcess): Promise<void> {
  redis.kill('SIGKILL');
  await exited(redis);
}
