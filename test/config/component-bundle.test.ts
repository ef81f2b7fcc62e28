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
