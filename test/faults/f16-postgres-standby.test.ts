import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { QueryTypes, Sequelize } from 'sequelize';
import { ownPostgresDrill, PG_BIN } from '../support/own-postgres.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { freePort, until } from '../support/until.js';
import { seededDatabaseUrls } from '../support/databases.js';

/**
 * F16 (issue #27 item 2): a PostgreSQL streaming standby for reads. The drill makes its own primary (`initdb`) and a
 * standby of it (`pg_basebackup -R`) on free loopback ports, never touching the machine's PostgreSQL. Replay on the
 * standby is paused to make its lag visible: a list answers from the standby (its own statistics count the reads, and
 * a change made on the primary since is not in the answer); a supervisor's approval is written to the primary and
 * they see it at once while another user still reads the standby; with the standby stopped, reads go to the primary
 * without an error.
 */
jest.setTimeout(180_000);

const drill = ownPostgresDrill('F16');

drill.describe('F16: reads from a streaming standby', () => {
  let dir = '';
  const ports = { primary: 0, standby: 0 };
  const running = { primary: false, standby: false };
  let app: Awaited<ReturnType<typeof startTestApp>> | undefined;
  let primary: Sequelize;
  let standby: Sequelize;
  const asPostgres = (...args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe' });
  const url = (server: keyof typeof ports, db: string) => `postgres://postgres@127.0.0.1:${ports[server]}/${db}`;
  const pgCtl = (server: keyof typeof ports, ...args: string[]) =>
    asPostgres(path.join(PG_BIN!, 'pg_ctl'), '-D', path.join(dir, server), '-w', '-l', path.join(dir, `${server}.log`), ...args);
  const one = async <T>(db: Sequelize, sql: string): Promise<T> =>
    (await db.query<Record<string, T>>(sql, { type: QueryTypes.SELECT }))[0]!.v!;
  const caughtUp = async () =>
    (await one<string>(primary, 'SELECT pg_current_wal_lsn()::text AS v')) ===
    (await one<string>(standby, 'SELECT pg_last_wal_replay_lsn()::text AS v'));
  /** Reads the standby has answered in the app's database, from its own statistics. */
  const standbyReads = async () => {
    await standby.query('SELECT pg_stat_clear_snapshot()');
    return Number(
      await one<string>(standby, "SELECT (xact_commit + xact_rollback)::text AS v FROM pg_stat_database WHERE datname = 'app'"),
    );
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-f16-'));
    fs.chmodSync(dir, 0o777);
    [ports.primary, ports.standby] = [await freePort(), await freePort()];
    asPostgres(path.join(PG_BIN!, 'initdb'), '-D', path.join(dir, 'primary'), '-U', 'postgres', '--auth=trust');
    fs.writeFileSync(
      path.join(dir, 'primary', 'pg_hba.conf'),
      'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    const serverOptions = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
    pgCtl('primary', '-o', `${serverOptions(ports.primary)} -c wal_level=replica -c max_wal_senders=4`, 'start');
    running.primary = true;
    // The run's migrated and seeded databases, copied onto this primary (quicker than migrating and seeding afresh).
    const seeded = await seededDatabaseUrls();
    for (const [db, from] of [
      ['app', seeded.DATABASE_URL],
      ['app_middle', seeded.MIDDLE_DATABASE_URL!],
    ] as const) {
      asPostgres('psql', '-h', dir, '-p', String(ports.primary), '-qc', `CREATE DATABASE ${db}`);
      execFileSync('bash', ['-c', `pg_dump -Fc --no-owner "$FROM" | pg_restore --no-owner -d "$TO"`], {
        env: { ...process.env, FROM: from, TO: url('primary', db) },
        stdio: 'pipe',
      });
    }
    asPostgres(
      path.join(PG_BIN!, 'pg_basebackup'),
      ...[
        '-h',
        '127.0.0.1',
        '-p',
        String(ports.primary),
        '-U',
        'postgres',
        '-D',
        path.join(dir, 'standby'),
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ],
    );
    pgCtl('standby', '-o', `${serverOptions(ports.standby)} -c hot_standby=on`, 'start');
    running.standby = true;
    primary = new Sequelize(url('primary', 'app'), { logging: false });
    standby = new Sequelize(url('standby', 'app'), { logging: false });
    app = await startTestApp({
      DATABASE_URL: url('primary', 'app'),
      MIDDLE_DATABASE_URL: url('primary', 'app_middle'),
      DATABASE_REPLICA_URL: url('standby', 'app'),
      READ_YOUR_WRITES_MS: '60000',
    });
    await until(caughtUp, 30_000, '备库追上主库');
  });

  afterAll(async () => {
    await app?.stop();
    await primary?.close();
    await standby?.close();
    for (const server of ['standby', 'primary'] as const)
      if (running[server])
        spawnSync(
          'runuser',
          ['-u', 'postgres', '--', path.join(PG_BIN!, 'pg_ctl'), '-D', path.join(dir, server), '-m', 'immediate', 'stop'],
          {
            stdio: 'ignore',
          },
        );
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists come from the standby; an approval is written to the primary and its user sees it at once, others once replayed', async () => {
    const county = await login(app!.url, 'nanchangxian');
    const city = await login(app!.url, 'nanchang');
    const [target] = await primary.query<{ id: number }>(
      "SELECT id FROM procurement_units WHERE region_code = '360121' AND status = 'submitted' AND budget_code_verdict = 'match' ORDER BY id LIMIT 1",
      { type: QueryTypes.SELECT },
    );
    expect(target).toBeDefined();
    await until(caughtUp, 10_000, '备库追上主库');
    await standby.query('SELECT pg_wal_replay_pause()');
    // Made on the primary alone while replay is paused: an answer from the standby cannot know it.
    await primary.query("UPDATE procurement_units SET name = name || '（F16探针）' WHERE id = :id", { replacements: { id: target!.id } });

    const readsBefore = await standbyReads();
    const listed = await county.get(api.list('ProcurementUnit'));
    expect(listed.status).toBe(200);
    const names = listed.body.records.map((r: { params: { name: string } }) => r.params.name) as string[];
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => n.includes('F16探针'))).toBe(false);
    await until(async () => (await standbyReads()) > readsBefore, 5_000, '备库统计记下这次读取');

    const approved = await county.post(api.record('ProcurementUnit', target!.id, 'approve'), { reason: '资料齐全（F16）' });
    expect(approved.body.notice).toMatchObject({ type: 'success' });
    expect(await one<string>(primary, `SELECT status AS v FROM procurement_units WHERE id = ${target!.id}`)).toBe('approved');
    // The approving user reads the primary: their decision and the probe are both there.
    const own = await county.get(api.show('ProcurementUnit', target!.id));
    expect(own.body.record.params.status).toBe('approved');
    expect(own.body.record.params.name).toContain('F16探针');
    // Another user still reads the paused standby.
    const other = await city.get(api.show('ProcurementUnit', target!.id));
    expect(other.body.record.params.status).toBe('submitted');

    await standby.query('SELECT pg_wal_replay_resume()');
    await until(
      async () => (await city.get(api.show('ProcurementUnit', target!.id))).body.record.params.status === 'approved',
      10_000,
      '备库回放后其他用户看到审核结果',
    );
  });

  it('with the standby stopped, every read goes to the primary without an error', async () => {
    const city = await login(app!.url, 'nanchang');
    const expected = Number(await one<string>(primary, "SELECT count(*)::text AS v FROM procurement_units WHERE region_code LIKE '3601%'"));
    const before = await city.get(api.list('ProcurementUnit'));
    expect(before.body.meta.total).toBe(expected);
    pgCtl('standby', '-m', 'fast', 'stop');
    running.standby = false;
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push(await city.get(api.list('ProcurementUnit')));
      answers.push(await city.get('/admin/api/dashboard'));
    }
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((_, i) => i % 2 === 0).every((a) => a.body.meta.total === expected)).toBe(true);
  });
});
