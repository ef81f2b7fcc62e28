import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ENV_VARIABLES, parseEnv } from '../../settings/env.js';
import { needs } from '../support/requires.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
/** Variables read outside the validated environment (the log's service name, the drivers' own). */
const READ_ELSEWHERE = ['SERVICE_NAME', 'PGSSLMODE', 'NODE_EXTRA_CA_CERTS'];

describe('deploy/env.example', () => {
  const text = read('deploy/env.example');
  const named = [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);

  it('names every variable the product reads', () => {
    expect(ENV_VARIABLES.length).toBeGreaterThan(20);
    expect(ENV_VARIABLES.filter((v) => !named.includes(v))).toEqual([]);
    expect(READ_ELSEWHERE.filter((v) => !named.includes(v))).toEqual([]);
    expect(named.filter((v) => !ENV_VARIABLES.includes(v) && !READ_ELSEWHERE.includes(v))).toEqual([]);
  });

  it('as written is a valid production environment: the values it sets pass the checks a start makes', () => {
    const values = Object.fromEntries(
      [...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const).filter(([name]) => ENV_VARIABLES.includes(name)),
    );
    expect(values.NODE_ENV).toBe('production');
    const parsed = parseEnv(values, { built: true });
    expect(parsed.COOKIE_SECURE).toBe(true);
    expect(parsed.QUEUE_DRIVER).toBe('bullmq');
  });

  it("reads the same through the runbook's `env $(grep -v '^#' … | xargs)` as line by line", () => {
    const seen = JSON.parse(
      execFileSync(
        'bash',
        ['-c', `env -i $(grep -v '^#' deploy/env.example | xargs) ${process.execPath} -e 'console.log(JSON.stringify(process.env))'`],
        {
          cwd: root,
          encoding: 'utf8',
        },
      ),
    ) as Record<string, string>;
    const lines = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)];
    expect(lines.length).toBeGreaterThan(10);
    for (const [, name, value] of lines) expect(seen[name!]).toBe(value);
  });
});

describe('deploy/systemd and deploy/Containerfile', () => {
  const units = ['deploy/systemd/jxcg-web@.service', 'deploy/systemd/jxcg-worker@.service'];

  it('start npm scripts that exist, with the environment file and a restart policy', () => {
    const started = [...units.map(read), read('deploy/Containerfile')].flatMap((text) =>
      [...text.matchAll(/npm(?:", "|\s+)run(?:", "|\s+)([a-z:]+)/g)].map((m) => m[1]!),
    );
    expect(started).toEqual(expect.arrayContaining(['web:dist', 'worker:dist', 'migrate:dist']));
    for (const script of started) expect(scripts[script]).toBeDefined();
    for (const unit of units) {
      expect(read(unit)).toMatch(/^EnvironmentFile=\/etc\/jxcg\.env$/m);
      expect(read(unit)).toMatch(/^Restart=always$/m);
      expect(read(unit)).toMatch(/^User=jxcg$/m);
    }
  });

  it('the web waits longer to be killed than it takes to finish its requests', () => {
    const stopSeconds = Number(/^TimeoutStopSec=(\d+)$/m.exec(read(units[0]!))![1]);
    expect(stopSeconds * 1000).toBeGreaterThan(parseEnv({}).SHUTDOWN_GRACE_MS);
  });
});

const verifier = await needs('systemd 单元文件检查（systemd-analyze verify）', 'systemd-analyze');
verifier.describe('systemd-analyze', () => {
  it('finds nothing wrong in either unit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-units-'));
    try {
      for (const [template, instance] of [
        ['jxcg-web@.service', 'jxcg-web@3000.service'],
        ['jxcg-worker@.service', 'jxcg-worker@1.service'],
      ] as const) {
        fs.copyFileSync(path.join(root, 'deploy/systemd', template), path.join(dir, instance));
        const output = execFileSync('systemd-analyze', ['verify', '--man=no', path.join(dir, instance)], {
          encoding: 'utf8',
          stdio: 'pipe',
        });
        expect(output).toBe('');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
