import { newProductionSecrets } from '../../settings/production-secrets.js';

/**
 * A production environment for a test's web on loopback: fresh secrets of its own (as `npm run secrets:new` makes
 * them), plain HTTP (no TLS in front), jobs in-process unless `overrides` say otherwise.
 */
export function productionEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    ...newProductionSecrets('test'),
    INTEGRATION_APP_KEY: 'test-platform',
    COOKIE_SECURE: 'false',
    QUEUE_DRIVER: 'inline',
    ...overrides,
  };
}
