import { spawn } from 'node:child_process';
import type { Express } from 'express';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateUserComponentEntry } from 'adminjs/bundler';
import { componentLoader } from './components/registry.js';
import { logger } from '../settings/logger.js';
import { entryArgs } from '../settings/node-entry.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const COMPONENTS_DIR = path.join(here, 'components');

/**
 * The sources the bundle is made of: the components and the shared rules they import from outside their folder (the
 * amount field checks with domain/money.ts), so a change to such a rule bundles again too.
 */
function bundledSources(): string[] {
  const components = fs
    .readdirSync(COMPONENTS_DIR, { recursive: true })
    .map((file) => path.join(COMPONENTS_DIR, String(file)))
    .filter((file) => fs.statSync(file).isFile());
  const outside = new Set<string>();
  for (const file of components.filter((f) => /\.tsx?$/.test(f))) {
    for (const [, target] of fs.readFileSync(file, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)) {
      const resolved = path.resolve(path.dirname(file), target!).replace(/\.js$/, '.ts');
      if (!resolved.startsWith(COMPONENTS_DIR) && fs.existsSync(resolved)) outside.add(resolved);
    }
  }
  return [...components, ...outside].sort();
}

/**
 * Where the bundle lives: beside the code, not in the working directory (AdminJS's default), so a process started
 * anywhere finds it. For the sources that is `.adminjs` at the repository's root, for the built form `dist/.adminjs`,
 * which `npm run build` fills once: a host that runs dist/ neither bundles nor needs to write. `ADMIN_JS_TMP_DIR`
 * (AdminJS's own variable) moves it.
 */
export const BUNDLE_DIR = path.resolve(process.env.ADMIN_JS_TMP_DIR || path.join(here, '..', '.adminjs'));

function fingerprint(entry: string): string {
  const hash = createHash('sha256').update(entry);
  for (const full of bundledSources()) hash.update(path.relative(COMPONENTS_DIR, full)).update(fs.readFileSync(full));
  return hash.digest('hex');
}

/** What AdminJS bundles for `admin`'s components; by default the panel's registry, as `npm install` bundles it. */
export function componentEntry(admin: unknown = { options: {}, componentLoader }): string {
  return generateUserComponentEntry(admin, BUNDLE_DIR);
}

/**
 * Makes sure the panel's own components are bundled, in a short-lived process of its own: the bundler (rollup,
 * babel, terser) would otherwise stay resident in every web process, and a bundle that matches the sources is reused.
 * AdminJS's own bundling at start (production mode) is then switched off: it would only repeat this one. The bundle
 * is always the minified production one (React comes from AdminJS's own scripts either way), so the development and
 * the production form share it. `npm install` builds the sources' bundle and `npm run build` the one dist/ ships
 * (`tools/bundle-components.ts`): a start waits for bundling only when the components changed since.
 */
export async function ensureComponentBundle(admin?: unknown): Promise<void> {
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  const entry = componentEntry(admin);
  const stamp = path.join(BUNDLE_DIR, 'bundle.fingerprint');
  const expected = fingerprint(entry);
  const current = () =>
    fs.existsSync(path.join(BUNDLE_DIR, 'bundle.js')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === expected;
  if (current()) return;
  // Instances started together would write the same files at once, and one of them could serve a half-written bundle.
  const release = await bundleLock().catch((error: NodeJS.ErrnoException) => {
    // A release directory the service may not write (as it should be): the build was skipped or the sources changed.
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error.code ?? '')) throw error;
    throw new Error(`面板组件包缺失或与组件源文件不一致，且无法写入 ${BUNDLE_DIR}：请在发布目录中重新运行 npm run build`, { cause: error });
  });
  try {
    if (current()) return;
    const started = Date.now();
    const child = spawn(process.execPath, entryArgs(import.meta.url, './build-component-bundle.ts'), {
      // AdminJS's bundler writes to the directory this variable names, read when it loads.
      env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '', ADMIN_JS_TMP_DIR: BUNDLE_DIR },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdin!.end(entry);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`组件打包失败（退出码 ${code}）：${errors.slice(-2000)}`);
    fs.writeFileSync(stamp, expected);
    logger.info({ ms: Date.now() - started }, 'panel components bundled');
  } finally {
    release();
  }
}

/** A bundling that has held the lock this long died without letting go of it. */
const STALE_LOCK_MS = 5 * 60_000;

/** One bundling at a time per bundle directory, across processes: a directory made atomically is the lock. */
async function bundleLock(): Promise<() => void> {
  const lock = path.join(BUNDLE_DIR, 'bundle.lock');
  fs.mkdirSync(BUNDLE_DIR, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Serves the bundle ourselves, in every mode: AdminJS's production route hands `.adminjs/bundle.js` to express's
 * sendFile, which refuses paths with a dot-directory, so the panel's own components answered 404 in production.
 */
export function mountComponentBundle(app: Express, rootPath: string): void {
  app.get(`${rootPath}/frontend/assets/components.bundle.js`, (_req, res) => {
    res.type('text/javascript; charset=utf-8').sendFile(path.join(BUNDLE_DIR, 'bundle.js'), { dotfiles: 'allow', maxAge: 0 });
  });
}
