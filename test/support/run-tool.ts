import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ToolOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * One of `tools/` as an operator runs it: its own process, stdin not a terminal, the settings in its environment.
 * It gets this process's environment without jest's NODE_OPTIONS and without the run's DATABASE_URL, then `env`.
 */
export function runTool(script: string, args: readonly string[], env: Record<string, string | undefined>): Promise<ToolOutcome> {
  const { NODE_OPTIONS: _jestFlags, DATABASE_URL: _runDatabase, ...environment } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...environment, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
