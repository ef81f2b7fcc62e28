import { setTimeout as sleep } from 'node:timers/promises';
import { isDatabaseUnavailable } from './database-errors.js';

/**
 * Runs a read that changes nothing, and runs it again (up to `attempts` times, a short pause between) while the
 * database answers "unavailable". When PostgreSQL ends the pool's sessions (a failover, a restart, an operator's
 * pg_terminate_backend), the next read may still be handed a connection whose end this process has not heard of yet;
 * after the pause the pool has dropped those, and a fresh connection answers. Only for reads: a write that failed
 * may or may not have happened.
 */
export async function readAgainIfUnavailable<T>(read: () => Promise<T>, attempts = 3, pauseMs = 50): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= attempts || !isDatabaseUnavailable(error)) throw error;
      await sleep(pauseMs);
    }
  }
}
