import type { Express } from 'express';
import path from 'node:path';
import { createRequire } from 'node:module';

/** A package's own folder, from the file its main export resolves to (their `exports` do not list the bundles). */
const packageFolder = (name: string, depth: number): string => {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  for (let i = 0; i < depth; i++) dir = path.dirname(dir);
  return dir;
};

/**
 * AdminJS's three front-end scripts as their production builds, whatever NODE_ENV says. AdminJS picks its development
 * builds unless NODE_ENV is `production`: 26 MB of unminified React and design system on every page load of the
 * demo (`npm start`) and of every browser test, against 3.3 MB here, so the panel was slow exactly where people first
 * saw it. Our components' bundle is the production one already (component-bundle.ts); these now match it.
 */
export function mountProductionBundles(app: Express, rootPath: string): void {
  const adminjs = packageFolder('adminjs', 0);
  const designSystem = packageFolder('@adminjs/design-system', 1);
  const bundles: Record<string, string> = {
    'app.bundle.js': path.join(adminjs, 'lib/frontend/assets/scripts/app-bundle.production.js'),
    'global.bundle.js': path.join(adminjs, 'lib/frontend/assets/scripts/global-bundle.production.js'),
    'design-system.bundle.js': path.join(designSystem, 'bundle.production.js'),
  };
  for (const [asset, file] of Object.entries(bundles)) {
    app.get(`${rootPath}/frontend/assets/${asset}`, (_req, res) => {
      res.type('text/javascript; charset=utf-8').sendFile(file);
    });
  }
}
