import path from 'node:path';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(import.meta.url).endsWith('.js');

/**
 * The node arguments that run one of our entry points (named by its TypeScript path beside the caller): the built
 * JavaScript when we run from dist/ (`npm run build`), the TypeScript source through tsx otherwise.
 */
export function entryArgs(callerUrl: string, relativeTs: string): string[] {
  const source = path.resolve(path.dirname(fileURLToPath(callerUrl)), relativeTs);
  return compiled ? [source.replace(/\.ts$/, '.js')] : ['--import', 'tsx', source];
}
