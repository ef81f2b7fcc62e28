import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startTestApp } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

// The test app runs with NODE_ENV=test, where AdminJS would serve its 26 MB development builds.
it('serves the production builds of AdminJS scripts whatever NODE_ENV says', async () => {
  const sizes: Record<string, number> = {};
  for (const asset of ['app', 'global', 'design-system']) {
    const response = await fetch(`${app.url}/admin/frontend/assets/${asset}.bundle.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    const text = await response.text();
    sizes[asset] = text.length;
    // The development build of React says so in its code; the production one carries no such warnings.
    expect(text).not.toContain('react.development');
  }
  expect(process.env.NODE_ENV).not.toBe('production');
  expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeLessThan(5_000_000);
});
