import { redisAnswers } from '../../queue/redis-connection.js';
import { IS_CI } from './test-app.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Tests that need a real Redis: on a laptop without one they are skipped with a loud message; under CI=true a
 * missing Redis fails the run instead, so a green CI always means they ran.
 */
export async function redisOrSkip(what: string): Promise<boolean> {
  if (await redisAnswers(REDIS_URL)) return true;
  if (IS_CI) throw new Error(`CI=true 但 Redis (${REDIS_URL}) 不可用：${what} 必须在真实 Redis 上运行`);
  console.warn(`\n!!!!! 跳过 ${what}：Redis (${REDIS_URL}) 不可用。启动 Redis 后重新运行 npm test。 !!!!!\n`);
  return false;
}
