import { logger } from './logger.js';

/**
 * Runs `stop` on the first SIGTERM or SIGINT, then exits 0 (1 if the stop failed). A second signal (a second Ctrl-C,
 * an orchestrator's repeat) does not start a second stop: the first one has a deadline of its own.
 */
export function stopOnSignal(what: string, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    logger.info({ signal }, `${what} stopping`);
    try {
      await stop();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info(`${what} stopped`);
    process.exit(0);
  };
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}
