import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NODE_ENV_SETTINGS, WEB_NODE_FLAGS } from '../../settings/node-flags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** tsx by its path: a bare `--import tsx` is looked up from the working directory, which a drill may set elsewhere. */
export const TSX_LOADER = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;

export interface ProcessOptions {
  /** The working directory (by default the test's own). */
  cwd?: string;
  /** A built entry point (`dist/main/web.js`) to run instead of the TypeScript source through tsx. */
  built?: string;
}

export interface WebProcess {
  child: ChildProcess;
  output: () => string;
  started: Promise<void>;
}

/** A real web instance (`main/web.ts`, as `npm run web`): `started` settles once it serves, or rejects if it exits. */
export function startWebProcess(env: Record<string, string>, options: ProcessOptions = {}): WebProcess {
  const entry = options.built ? [options.built] : ['--import', TSX_LOADER, path.join(root, 'main/web.ts')];
  const child = spawn(process.execPath, [...WEB_NODE_FLAGS, ...entry], {
    env: { ...process.env, ...NODE_ENV_SETTINGS, NODE_OPTIONS: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd && { cwd: options.cwd }),
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
