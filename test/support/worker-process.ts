import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ENV_SETTINGS, WORKER_NODE_FLAGS } from '../../settings/node-flags.js';
import { TSX_LOADER } from './web-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A real worker process (`main/worker.ts`), resolved once it says it started. */
export function startWorker(env: Record<string, string>, options: { cwd?: string } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, '--import', TSX_LOADER, path.join(root, 'main/worker.ts')], {
    env: { ...process.env, ...NODE_ENV_SETTINGS, NODE_OPTIONS: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd && { cwd: options.cwd }),
  });
  if (process.env.DEBUG_WORKER) {
    child.stdout!.on('data', (c: Buffer) => process.stderr.write(`[worker ${child.pid}] ${c}`));
    child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[worker ${child.pid} err] ${c}`));
  }
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker started')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

/** A process killed by a signal has no exit code, only a signal code: either means it is gone. */
export const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (hasExited(child)) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Stops each child still running (`undefined` for one never started) and waits for its exit: a test's cleanup. */
export async function stopProcesses(children: ReadonlyArray<ChildProcess | undefined>, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (!child || hasExited(child)) return;
      child.kill(signal);
      await exited(child);
    }),
  );
}
