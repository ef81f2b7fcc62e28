#!/usr/bin/env node
// `npm test`: type-check, then the whole jest suite on SQLite and again on PostgreSQL (the same tests, both engines).
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const args = process.argv.slice(2);
const run = (cmd, cmdArgs, env = {}) =>
  spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', ...env } }).status ?? 1;

const reachable = (host, port) => new Promise((resolve) => {
  const socket = net.connect({ host, port, timeout: 2000 }, () => { socket.end(); resolve(true); });
  socket.on('error', () => resolve(false));
  socket.on('timeout', () => { socket.destroy(); resolve(false); });
});

console.log('\n=== 类型检查 (tsc --noEmit) ===');
if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) process.exit(1);

console.log('\n=== 测试：SQLite（嵌入式默认数据库） ===');
let failed = run('npx', ['jest', ...args], { DATABASE_URL: '' }) !== 0;

const pgUrl = new URL(PG_URL);
if (await reachable(pgUrl.hostname, Number(pgUrl.port || 5432))) {
  console.log(`\n=== 测试：PostgreSQL (${PG_URL}) ===`);
  failed = run('npx', ['jest', ...args], { DATABASE_URL: PG_URL }) !== 0 || failed;
} else if (process.env.CI === 'true') {
  console.error(`\nCI=true 但 PostgreSQL (${PG_URL}) 不可用：PostgreSQL 上的测试必须运行。`);
  failed = true;
} else {
  console.warn(`\n!!!!! 跳过 PostgreSQL 上的测试：${PG_URL} 不可用。启动 PostgreSQL 后重新运行 npm test。 !!!!!\n`);
}
process.exit(failed ? 1 : 0);
