import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sequelize } from 'sequelize';
import { logger } from '../settings/logger.js';

/** Work that must see the primary: decisions, the session and rights checks, a user's reads right after their action. */
const primaryOnly = new AsyncLocalStorage<true>();

/** Runs `work` (and everything it awaits) with every read on the primary. */
export function onPrimary<T>(work: () => T): T {
  return primaryOnly.run(true, work);
}

export function isOnPrimary(): boolean {
  return primaryOnly.getStore() === true;
}

/** How long reads stay on the primary after the standby failed a connection, before it is tried again. */
export const STANDBY_RETRY_MS = 10_000;

/**
 * Reads go to the standby unless they must not: Sequelize sends a SELECT outside a transaction to its read pool, and
 * `useMaster` sends it to the primary. It is set here, in the hook that runs before a connection is taken, for work
 * run `onPrimary` and while the standby is away. A standby that refuses a connection is set aside for
 * STANDBY_RETRY_MS; the read that met the refusal runs again (Sequelize's retry, `standbyJustFailed`) on the primary.
 */
export class ReadRouting {
  private awayUntil = 0;

  constructor(
    sequelize: Sequelize,
    private readonly standby: { host: string; port: number },
  ) {
    sequelize.addHook('beforePoolAcquire', (options) => {
      if (isOnPrimary() || Date.now() < this.awayUntil) (options as { useMaster?: boolean }).useMaster = true;
    });
  }

  /** Called with the config of every connection that failed to open; a standby's sets it aside. */
  connectionFailed(config: { host?: string; port?: number | string }): void {
    if (config.host !== this.standby.host || Number(config.port) !== this.standby.port) return;
    if (Date.now() >= this.awayUntil) logger.warn({ standby: this.standby }, 'standby unreachable: reads go to the primary for a while');
    this.awayUntil = Date.now() + STANDBY_RETRY_MS;
  }

  /** Whether a failed statement may run again on the primary because the standby has just been set aside. */
  standbyJustFailed(): boolean {
    return Date.now() < this.awayUntil;
  }
}
