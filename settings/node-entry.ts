import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(import.meta.url).endsWith('.js');

/**
 * The node arguments that run one of our entry points (named by its TypeScript path beside the caller): the built
 * JavaScript when we run from dist/ (`npm run build`), the TypeScript source through tsx otherwise.
 */
export function entryArgs(callerUrl: string, relativeTs: string): string[] {
  const source = path.resolve(path.dirname(fileURLToPath(callerUrl)), relativeTs);
  if (compiled) return [source.replace(/\.ts$/, '.js')];
  // By its path: a bare `--import tsx` is looked up from the working directory, which need not be the application's.
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, source];
}
