#!/usr/bin/env node
// `npm run build`: the production form of the server, plain JavaScript in dist/ (no TypeScript loader in memory),
// with the panel's components bundled into dist/.adminjs, so a host that runs it neither bundles at start nor writes.
// Files the code reads beside itself are linked, not copied, so the admins' config/ stays the one to edit.
// `--out DIR` builds elsewhere inside the repository (the test of this script), where node_modules is still found.
import { spawnSync } from 'node:child_process';
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv.indexOf('--out');
const dist = out > 0 ? path.resolve(process.argv[out + 1]) : path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
// Each file on its own, as tsx runs them in development (the same transform, so the built form behaves alike), in a
// second rather than tsc's half minute; types are checked by `npm run typecheck`, which npm test runs first.
const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
const sources = build.include.flatMap((folder) =>
  fs
    .readdirSync(path.join(root, folder), { recursive: true })
    .map((file) => path.join(root, folder, String(file)))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts')),
);
await esbuild.build({
  entryPoints: sources,
  outdir: dist,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.build.json'),
  logLevel: 'warning',
});

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
// Bundled by the built code itself, so the bundle and its fingerprint are those a start from dist/ looks for.
const env = { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' };
delete env.ADMIN_JS_TMP_DIR;
const bundle = spawnSync(process.execPath, [path.join(dist, 'tools/bundle-components.js')], { stdio: 'inherit', env });
if (bundle.status !== 0) process.exit(bundle.status ?? 1);
console.log(`built ${path.relative(root, dist)}/`);
