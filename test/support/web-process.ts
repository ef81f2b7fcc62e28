import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ENV_SETTINGS, NODE_FLAGS } from '../../settings/node-flags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WebProcess {
  child: ChildProcess;
  output: () => string;
  started: Promise<void>;
}

/** A real web instance (`main/web.ts`, as `npm run web`): `started` settles once it serves, or rejects if it exits. */
export function startWebProcess(env: Record<string, string>): WebProcess {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', path.join(root, 'main/web.ts')], {
    env: { ...process.env, ...NODE_ENV_SETTINGS, NODE_OPTIONS: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const started = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => {
      if (output.includes('监管端已启动')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`web exited with ${code}: ${output.slice(-2000)}`)));
  });
  started.catch(() => undefined);
  return { child, output: () => output, started };
}

/** Runs one of our command-line entry points (e.g. `migrations/cli.ts`) to its end; resolves with its exit code. */
export function runEntry(relative: string, env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, relative)], {
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
