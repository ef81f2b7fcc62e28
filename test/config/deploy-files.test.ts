import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ENV_VARIABLES, parseEnv } from '../../settings/env.js';
import { newProductionSecrets, PRODUCTION_SECRETS } from '../../settings/production-secrets.js';
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

  const values = Object.fromEntries(
    [...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const).filter(([name]) => ENV_VARIABLES.includes(name)),
  );

  it('as written, its secrets are the published placeholders, which production refuses, naming the first and the command', () => {
    expect(values.NODE_ENV).toBe('production');
    expect(() => parseEnv(values, { built: true })).toThrow(
      /^配置错误: SESSION_SECRET 仍是 deploy\/env\.example 中公开的示例值：.*npm run secrets:new/,
    );
    // Each secret alone left as published is refused too.
    const fresh = newProductionSecrets('2027b');
    for (const name of ['PERSONAL_DATA_KEYS', 'PERSONAL_DATA_INDEX_KEY', 'AUDIT_CHAIN_KEY', 'INTEGRATION_APP_SECRET'] as const) {
      expect(() => parseEnv({ ...values, ...fresh, [name]: values[name] }, { built: true })).toThrow(new RegExp(`^配置错误: ${name} 仍是`));
    }
    // A second personal-data key kept from the example, behind a fresh one, is still refused.
    expect(() =>
      parseEnv({ ...values, ...fresh, PERSONAL_DATA_KEYS: `${fresh.PERSONAL_DATA_KEYS},${values.PERSONAL_DATA_KEYS}` }, { built: true }),
    ).toThrow(/^配置错误: PERSONAL_DATA_KEYS 仍是/);
  });

  it('with what `npm run secrets:new` prints in place of the placeholders, it is a valid production environment', () => {
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'tools/secrets-new.ts', '2027b'], { cwd: root, encoding: 'utf8' });
    const secrets = Object.fromEntries([...printed.matchAll(/^([A-Z][A-Z0-9_]*)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(secrets).sort()).toEqual([...PRODUCTION_SECRETS].sort());
    expect(secrets.PERSONAL_DATA_KEYS).toMatch(/^2027b:[0-9a-f]{32}$/);
    expect(newProductionSecrets('x').AUDIT_CHAIN_KEY).not.toBe(newProductionSecrets('x').AUDIT_CHAIN_KEY);
    const parsed = parseEnv({ ...values, ...secrets }, { built: true });
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
