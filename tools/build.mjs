#!/usr/bin/env node
// `npm run build`: the production form of the server, plain JavaScript in dist/ (no TypeScript loader in memory).
// Files the code reads beside itself are linked, not copied, so the admins' config/ stays the one to edit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const link = (relative) => {
  const target = path.join(root, relative);
  const at = path.join(dist, relative);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.rmSync(at, { recursive: true, force: true });
  fs.symlinkSync(path.relative(path.dirname(at), target), at);
};
link('config');
link('panel/public');
link('seeds/jiangxi-regions.json');
// The panel's React components are bundled from their sources.
for (const file of fs.readdirSync(path.join(root, 'panel/components'))) {
  if (file.endsWith('.tsx')) link(path.join('panel/components', file));
}
console.log('built dist/');
