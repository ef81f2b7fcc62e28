import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSequelize } from '../../db/database.js';
import { buildAdmin } from '../../panel/admin.js';
import { componentEntry } from '../../panel/component-bundle.js';
import { loadResourceConfig } from '../../panel/resource-config.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { initMiddleModels, initModels } from '../../db/models.js';
import { seededDatabaseUrls } from '../support/databases.js';
import { freePort } from '../support/until.js';
import { startWebProcess } from '../support/web-process.js';
import { exited } from '../support/worker-process.js';

// `npm install` bundles the registry's components; a start reuses that bundle only if the panel asks for the same entry.
describe('the components bundle that npm install builds', () => {
  it('is the one the panel asks for, in the development and the production form alike', async () => {
    const [sequelize, middle] = [createSequelize('sqlite::memory:'), createSequelize('sqlite::memory:')];
    initModels(sequelize);
    initMiddleModels(middle);
    const admin = buildAdmin(loadResourceConfig(RESOURCE_DEFINITIONS), async () => {
      throw new Error('not called');
    });
    const entry = componentEntry(admin);
    expect(entry).toBe(componentEntry());
    expect(entry).toContain("from '../panel/components/dashboard'");
    expect(entry).not.toContain('/dist/');
    await Promise.all([sequelize.close(), middle.close()]);
  });
});

describe('bundling when instances start together', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const bundleIn = (dir: string) =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tools/bundle-components.ts')], {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '', ADMIN_JS_TMP_DIR: dir, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.on('exit', () => resolve(out));
    });

  it('one of them bundles, the others wait for it and use its bundle', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-bundle-'));
    try {
      const outputs = await Promise.all([bundleIn(dir), bundleIn(dir), bundleIn(dir)]);
      expect(outputs).toHaveLength(3);
      const bundled = outputs.filter((out) => out.includes('panel components bundled'));
      expect(bundled).toHaveLength(1);
      expect(fs.statSync(path.join(dir, 'bundle.js')).size).toBeGreaterThan(10_000);
      expect(fs.existsSync(path.join(dir, 'bundle.fingerprint'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'bundle.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/**
 * Issue #27 item 3: `npm run build` bundles once into the directory dist/ ships, and a web started from it anywhere
 * serves that bundle: no bundling at start (it took about 8 s) and no write, so the working directory and the release
 * may be read-only. One build, the real script, into a folder of its own inside the repository.
 */
describe('the bundle npm run build ships in dist/', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

  it('is built once by the build, and a web from dist/ in another working directory serves it without writing', async () => {
    const out = path.join(root, 'test/artifacts', `build-${process.pid}-${Date.now()}`);
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-readonly-cwd-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    delete env.ADMIN_JS_TMP_DIR;
    try {
      const build = spawn(process.execPath, [path.join(root, 'tools/build.mjs'), '--out', out], { cwd: root, env, stdio: 'ignore' });
      expect(await exited(build)).toBe(0);
      const shipped = path.join(out, '.adminjs');
      const files = () =>
        fs
          .readdirSync(shipped)
          .sort()
          .map((f) => `${f} ${fs.statSync(path.join(shipped, f)).mtimeMs}`);
      const before = files();
      expect(before.map((f) => f.split(' ')[0])).toEqual(expect.arrayContaining(['bundle.fingerprint', 'bundle.js']));
      // As root the mode stops nothing; the listing afterwards is the check.
      fs.chmodSync(cwd, 0o555);

      const port = await freePort();
      const web = startWebProcess(
        { ...(await seededDatabaseUrls()), PORT: String(port), QUEUE_DRIVER: 'inline', NODE_ENV: 'development', ADMIN_JS_TMP_DIR: '' },
        { cwd, built: path.join(out, 'main/web.js') },
      );
      try {
        await web.started;
        const served = await fetch(`http://127.0.0.1:${port}/admin/frontend/assets/components.bundle.js`);
        expect(served.status).toBe(200);
        expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(path.join(shipped, 'bundle.js')))).toBe(true);
      } finally {
        web.child.kill('SIGTERM');
        await exited(web.child);
      }
      expect(web.output()).not.toContain('panel components bundled');
      expect(fs.readdirSync(cwd)).toEqual([]);
      expect(files()).toEqual(before);
    } finally {
      fs.chmodSync(cwd, 0o755);
      fs.rmSync(cwd, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 400_000);
});
