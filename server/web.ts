import { startWeb } from './bootstrap.js';
import { EnvError, env } from './env.js';
import { logger } from './logger.js';

/** `npm run web`: one web instance and nothing else; run several behind a balancer, with `npm run worker` beside. */
try {
  const running = await startWeb(env(), { seedDemo: false });
  let stopping = false;
  const stop = async (signal: string) => {
    // A second signal does not start a second stop: the first one lets the requests in flight finish, within a deadline.
    if (stopping) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await running.stop();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
