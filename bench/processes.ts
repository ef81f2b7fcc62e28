import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ENV_SETTINGS, WEB_NODE_FLAGS, WORKER_NODE_FLAGS } from '../settings/node-flags.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An entry point (built JavaScript, or TypeScript through tsx) in a node process of its own, so its RSS is its own. */
/** `served`: started as the product starts that kind of process (`settings/node-flags.ts`). */
export function startNode(
  script: string,
  env: Record<string, string>,
  label: string,
  served: 'web' | 'worker' | false = false,
): ChildProcess {
  const nodeFlags = served === 'web' ? WEB_NODE_FLAGS : served === 'worker' ? WORKER_NODE_FLAGS : [];
  // BENCH_PROFILE=1: each process writes a CPU profile on exit (open it in Chrome DevTools) for the README's claims.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT, 'bench', 'results', 'profiles')] : [];
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...profile, ...loader, path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...(served && NODE_ENV_SETTINGS), NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 40) tail.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', (code, signal) => {
    if (code && !stopping.has(child)) console.error(`\n[${label}] exited with ${code ?? signal}:\n${tail.join('')}`);
  });
  return child;
}

const stopping = new WeakSet<ChildProcess>();

export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  stopping.add(child);
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${url}: the process exited before answering`);
    try {
      if ((await fetch(url, { redirect: 'manual' })).status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runToEnd(script: string, env: Record<string, string>, label: string): Promise<void> {
  const child = startNode(script, env, label);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`${label} failed with exit code ${code}`);
}

/** Resolves once the process has printed `text` (listening before the first byte is read, so nothing is missed). */
export function printed(child: ChildProcess, text: string, label: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code} before saying "${text}"`)));
  });
}

/** The hand-written baseline server on `databaseUrl`, ready to answer. */
export async function startBaseline(databaseUrl: string, port: number): Promise<ChildProcess> {
  // The baseline runs with the same flags as the web it is compared with.
  const child = startNode('dist/bench/baseline-server.js', { DATABASE_URL: databaseUrl, PORT: String(port) }, 'baseline', 'web');
  await printed(child, 'baseline listening', 'baseline');
  return child;
}

/** The production form is the built one (`npm run build`): no TypeScript loader in the measured processes. */
export async function buildForProduction(): Promise<void> {
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run build failed with exit code ${code}`);
}
