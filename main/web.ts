import { startWeb } from './bootstrap.js';
import { env } from '../settings/env.js';
import { stopOnSignal } from '../settings/stop-on-signal.js';
import { ConfigError } from '../settings/config-error.js';

/** `npm run web`: one web instance and nothing else; run several behind a balancer, with `npm run worker` beside. */
try {
  const running = await startWeb(env(), { seedDemo: false });
  // On SIGTERM the requests in flight finish (within SHUTDOWN_GRACE_MS) before the queue is let go.
  stopOnSignal('web', running.stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
