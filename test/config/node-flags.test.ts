import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { NODE_FLAGS } from '../../server/node-flags.js';

const scripts = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('node flags of the web and the worker', () => {
  it.each(['start', 'web', 'web:dist', 'worker', 'worker:dist'])('npm run %s starts its process with them', (name) => {
    for (const flag of NODE_FLAGS) expect(scripts[name]!.split(' ')).toContain(flag);
  });

  it('node takes them, and the young generation of a busy process stays within two 4 MB semi-spaces', () => {
    // Short-lived objects in bursts, as an ingest job makes them: by default V8 lets the new space grow to 32 MB.
    const busy = `const v8 = require('v8'); let max = 0, keep = [];
      for (let i = 0; i < 300000; i++) {
        keep.push({ i, s: 'x' + i }); if (keep.length > 50000) keep = [];
        if (i % 1000 === 0) max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
      }
      console.log(max);`;
    const newSpace = (flags: readonly string[]) => {
      const probe = spawnSync(process.execPath, [...flags, '-e', busy], { encoding: 'utf8' });
      expect(probe.status).toBe(0);
      return Number(probe.stdout.trim());
    };
    expect(newSpace(NODE_FLAGS)).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(newSpace([])).toBeGreaterThan(8 * 1024 * 1024);
  });
});
