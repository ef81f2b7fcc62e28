import { createHash } from 'node:crypto';
import fs from 'node:fs';

export const CONFIG_DIR = new URL('../config/', import.meta.url);

/** Each of the administrators' configuration files (config/*.yaml), named as in the repository, with the SM3 of its bytes. */
export function configurationFingerprints(dir: URL = CONFIG_DIR): Record<string, string> {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  return Object.fromEntries(
    files.map((name) => [
      `config/${name}`,
      createHash('sm3')
        .update(fs.readFileSync(new URL(name, dir)))
        .digest('hex'),
    ]),
  );
}
