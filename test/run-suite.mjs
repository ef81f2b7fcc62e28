#!/usr/bin/env node
// `npm test`: type-check, lint, the format and the import rules, then jest on SQLite (every file), then on PostgreSQL (the files whose outcome depends on the
// engine; ENGINE_INDEPENDENT in jest.config.js lists the others, which the SQLite pass has run). Each jest run migrates
// and seeds one template database and gives every test app a copy (test/global-setup.mjs).
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const args = process.argv.slice(2);
const timings = [];
const run = (label, cmd, cmdArgs, env = {}) => {
  const started = Date.now();
  const status =
    spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', ...env } }).status ?? 1;
  timings.push(`${label}: ${status === 0 ? '通过' : '失败'}，${((Date.now() - started) / 1000).toFixed(0)} s`);
  return status;
};

const reachable = (host, port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

console.log('\n=== 类型检查 (tsc --noEmit) ===');
if (run('类型检查', 'npx', ['tsc', '--noEmit', '-p', '.']) !== 0) process.exit(1);
console.log('\n=== 代码检查 (eslint)、格式 (prettier) 与依赖方向 (dependency-cruiser) ===');
if (run('代码检查', 'npx', ['eslint', '.']) !== 0) process.exit(1);
if (run('格式', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']) !== 0) process.exit(1);
if (run('依赖方向', 'npm', ['run', '-s', 'depcheck']) !== 0) process.exit(1);

console.log('\n=== 测试：SQLite（嵌入式默认数据库）：全部测试文件，含与数据库引擎无关的（只在这一轮运行） ===');
let failed = run('SQLite', 'npx', ['jest', ...args], { DATABASE_URL: '' }) !== 0;

const pgUrl = new URL(PG_URL);
if (await reachable(pgUrl.hostname, Number(pgUrl.port || 5432))) {
  console.log(`\n=== 测试：PostgreSQL (${PG_URL})：与数据库引擎相关的测试文件（与引擎无关的已在 SQLite 一轮运行） ===`);
  failed = run('PostgreSQL', 'npx', ['jest', ...args], { DATABASE_URL: PG_URL, TEST_ENGINE_DEPENDENT_ONLY: 'true' }) !== 0 || failed;
} else if (process.env.CI === 'true') {
  console.error(`\nCI=true 但 PostgreSQL (${PG_URL}) 不可用：PostgreSQL 上的测试必须运行。`);
  failed = true;
} else {
  console.warn(`\n!!!!! 跳过 PostgreSQL 上的测试：${PG_URL} 不可用。启动 PostgreSQL 后重新运行 npm test。 !!!!!\n`);
  timings.push('PostgreSQL: 跳过（不可用）');
}
console.log(`\n=== ${timings.join('；')} ===`);
process.exit(failed ? 1 : 0);
