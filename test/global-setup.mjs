// jest globalSetup, once per jest run: names the run, and migrates and seeds its template databases on the engine of
// DATABASE_URL (test/support/build-template.ts). Every test app then starts from a copy (test/support/databases.ts).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Scratch folders and databases of runs that ended without their teardown (interrupted) go after this long. */
const STALE_MS = 12 * 3600_000;
const RUN_NAME = /^jxcg-suite-(r[0-9a-z]{8}[0-9a-f]{4})$/;

const quote = (name) => `"${name.replace(/"/g, '""')}"`;
const startedAt = (runId) => parseInt(runId.slice(1, 9), 36);

/** The run's PostgreSQL admin connection (to the database DATABASE_URL names). */
async function withAdmin(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function build(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/support/build-template.ts')], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`模板数据库创建失败（build-template 退出码 ${code}）`))));
  });
}

export default async function globalSetup() {
  const started = Date.now();
  const runId = `r${started.toString(36).padStart(8, '0')}${randomBytes(2).toString('hex')}`;
  const dir = path.join(os.tmpdir(), `jxcg-suite-${runId}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(os.tmpdir())) {
    const match = RUN_NAME.exec(entry);
    if (match && started - startedAt(match[1]) > STALE_MS) fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
  Object.assign(process.env, { TEST_RUN_ID: runId, TEST_RUN_DIR: dir });

  const url = process.env.DATABASE_URL;
  let template;
  if (url?.startsWith('postgres')) {
    const base = new URL(url).pathname.slice(1);
    const name = `${base}_${runId}_tpl`;
    await withAdmin(url, async (client) => {
      const { rows } = await client.query(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND substr(datname, $2, 13) ~ $3',
        [`${base}_r`, base.length + 2, '^r[0-9a-z]{8}[0-9a-f]{4}$'],
      );
      for (const { datname } of rows) {
        if (started - startedAt(datname.slice(base.length + 1, base.length + 14)) > STALE_MS) {
          await client.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`);
        }
      }
      for (const db of [name, `${name}_middle`]) {
        await client.query(`CREATE DATABASE ${quote(db)}`);
        // As test/support/databases.ts does for each copy: a test database need not survive a crash of the server.
        await client.query(`ALTER DATABASE ${quote(db)} SET synchronous_commit = off`);
      }
    });
    const at = (db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
    template = { main: at(name), middle: at(`${name}_middle`) };
  } else {
    template = { main: `sqlite:${path.join(dir, 'template.sqlite')}`, middle: `sqlite:${path.join(dir, 'template-middle.sqlite')}` };
  }
  await build({ TEMPLATE_DATABASE_URL: template.main, TEMPLATE_MIDDLE_DATABASE_URL: template.middle, TEST_RUN_DIR: dir });
  if (!url?.startsWith('postgres')) {
    for (const file of [template.main, template.middle].map((u) => u.slice('sqlite:'.length))) {
      // A copy is only whole if the template was closed cleanly (its write-ahead log folded back in).
      if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error(`模板数据库 ${file} 未完整关闭`);
    }
  }
  Object.assign(process.env, { TEST_TEMPLATE_URL: template.main, TEST_TEMPLATE_MIDDLE_URL: template.middle });
  console.log(
    `\n[测试运行 ${runId}] 模板数据库（${url?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}，已迁移并写入演示数据）${((Date.now() - started) / 1000).toFixed(1)} s 就绪`,
  );
}
