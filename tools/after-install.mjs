#!/usr/bin/env node
// `postinstall`: bundles the panel's React components so the first `npm start` is quick. tsx is a development
// dependency; an install without it (`npm ci --omit=dev` beside a built dist/) skips this: dist/ carries the bundle
// `npm run build` made (dist/.adminjs, panel/component-bundle.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsx;
try {
  tsx = require.resolve('tsx/cli');
} catch {
  console.log('tsx 未安装（仅生产依赖）：跳过面板组件打包，dist/ 使用 npm run build 打好的组件包');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsx, 'tools/bundle-components.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
