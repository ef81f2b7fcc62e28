import { startWeb } from './bootstrap.js';
import { EnvError, env } from './env.js';

/** `npm run web`: one web instance and nothing else; run several behind a balancer, with `npm run worker` beside. */
try {
  const running = await startWeb(env(), { seedDemo: false });
  const stop = async () => { await running.stop(); process.exit(0); };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
