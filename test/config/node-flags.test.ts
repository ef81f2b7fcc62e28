import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { NODE_ENV_SETTINGS, WEB_NODE_FLAGS, WORKER_NODE_FLAGS } from '../../settings/node-flags.js';
import { PASSWORD_HASH_OPTIONS } from '../../services/password-hash.js';

const scripts = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('node flags of the web and the worker', () => {
  it.each([
    ['start', WEB_NODE_FLAGS],
    ['web', WEB_NODE_FLAGS],
    ['web:dist', WEB_NODE_FLAGS],
    ['worker', WORKER_NODE_FLAGS],
    ['worker:dist', WORKER_NODE_FLAGS],
  ])('npm run %s starts its process with its kind’s flags', (name, flags) => {
    const words = scripts[name]!.split(' ');
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(words).toContain(flag);
    for (const [variable, value] of Object.entries(NODE_ENV_SETTINGS)) expect(words).toContain(`${variable}=${value}`);
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
    expect(newSpace(WEB_NODE_FLAGS)).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(newSpace(WORKER_NODE_FLAGS)).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(newSpace([])).toBeGreaterThan(8 * 1024 * 1024);
  });

  it('node takes them, and the old generation of a process whose batches soon die grows to about twice what is live', () => {
    // 300,000 live objects, and 40 batches of 100,000 that live through two young collections each, as an ingest
    // batch lives through its database write: the largest old space in MB.
    const batches = `const v8 = require('v8');
      const live = Array.from({ length: 300000 }, (_, i) => ({ i, s: 'live' + i }));
      let max = 0;
      (async () => {
        for (let round = 0; round < 40; round++) {
          let batch = Array.from({ length: 100000 }, (_, i) => ({ i, s: 'item' + i, round }));
          await new Promise((r) => setTimeout(r, 5));
          batch = null;
          max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size);
        }
        console.log(Math.round(max / 1048576) + (live.length ? 0 : 1));
      })();`;
    const oldSpace = (flags: readonly string[]) => {
      const probe = spawnSync(process.execPath, [...flags, '-e', batches], { encoding: 'utf8' });
      expect(probe.status).toBe(0);
      return Number(probe.stdout.trim());
    };
    expect(oldSpace(WEB_NODE_FLAGS)).toBeLessThan(120);
    expect(oldSpace(WORKER_NODE_FLAGS)).toBeLessThan(120);
    // What it prevents (measured 157–161 MB without it).
    expect(oldSpace(WEB_NODE_FLAGS.filter((flag) => !flag.startsWith('--heap-growing-percent')))).toBeGreaterThan(120);
  });

  it('with their malloc setting, logins hashed on every libuv thread give their memory back', () => {
    // Twelve hashes, four at a time (libuv's four threads), after one to warm up: the growth of RSS in MB.
    const logins = `const argon2 = require('argon2');
      const options = ${JSON.stringify(PASSWORD_HASH_OPTIONS)};
      (async () => {
        await argon2.hash('warm', options);
        const before = process.memoryUsage().rss;
        for (let round = 0; round < 3; round++) await Promise.all([0, 1, 2, 3].map((i) => argon2.hash('p' + i, options)));
        console.log(Math.round((process.memoryUsage().rss - before) / 1048576));
      })();`;
    const growth = (env: Record<string, string>) => {
      const probe = spawnSync(process.execPath, ['-e', logins], {
        encoding: 'utf8',
        cwd: process.cwd(),
        env: { ...process.env, NODE_OPTIONS: '', ...env },
      });
      expect(probe.status).toBe(0);
      return Number(probe.stdout.trim());
    };
    expect(growth({ ...NODE_ENV_SETTINGS })).toBeLessThan(10);
    // What it prevents: each thread keeps a 19 MiB block in its arena.
    expect(growth({})).toBeGreaterThan(40);
  });
});
