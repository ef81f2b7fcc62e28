import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Sequelize } from 'sequelize';
import { ownPostgresDrill, PG_BIN } from '../support/own-postgres.js';
import { freePort } from '../support/until.js';
import { runEntry } from '../support/web-process.js';

/**
 * F11: the production database accepts only TLS (a `hostssl` line, as the runbook's pg_hba.conf has). Everything the
 * app opens must go through the pool's settings: the migration lock once opened a connection of its own without TLS,
 * and `npm run migrate` was refused ("no pg_hba.conf entry … no encryption"). The test's own PostgreSQL, never the
 * machine's: `initdb` as the postgres user, a self-signed certificate the client is told to trust, TLS only.
 */
jest.setTimeout(120_000);

const drill = ownPostgresDrill('F11');

drill.describe('F11: a database that accepts only TLS', () => {
  let dir = '';
  let port = 0;
  let started = false;
  const asPostgres = (...args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-f11-'));
    port = await freePort();
    fs.chmodSync(dir, 0o777);
    const data = path.join(dir, 'data');
    asPostgres(path.join(PG_BIN!, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust');
    execFileSync(
      'openssl',
      [
        'req',
        '-new',
        '-x509',
        '-days',
        '2',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(data, 'server.key'),
        '-out',
        path.join(data, 'server.crt'),
      ],
      { stdio: 'pipe' },
    );
    for (const file of ['server.key', 'server.crt']) execFileSync('chown', ['postgres', path.join(data, file)]);
    fs.chmodSync(path.join(data, 'server.key'), 0o600);
    fs.writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all trust\nhostssl all all 127.0.0.1/32 trust\n');
    asPostgres(
      path.join(PG_BIN!, 'pg_ctl'),
      '-D',
      data,
      '-w',
      '-l',
      path.join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c ssl=on`,
      'start',
    );
    started = true;
    for (const db of ['tls_app', 'tls_app_middle'])
      asPostgres('psql', '-h', dir, '-p', String(port), '-U', 'postgres', '-qc', `CREATE DATABASE ${db}`);
  });

  afterAll(() => {
    if (started)
      spawnSync(
        'runuser',
        ['-u', 'postgres', '--', path.join(PG_BIN!, 'pg_ctl'), '-D', path.join(dir, 'data'), '-m', 'immediate', 'stop'],
        { stdio: 'ignore' },
      );
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a plain connection is refused, and the migrations (lock included) run over TLS', async () => {
    const plain = new Sequelize(`postgres://postgres@127.0.0.1:${port}/tls_app`, { logging: false, dialectOptions: { ssl: false } });
    await expect(plain.authenticate()).rejects.toThrow();
    await plain.close();

    // `npm run migrate` as an operator runs it: TLS asked for in the URL, the server's certificate trusted as the
    // province CA's would be (NODE_EXTRA_CA_CERTS).
    const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}?ssl=true`;
    const code = await runEntry('migrations/cli.ts', {
      DATABASE_URL: url('tls_app'),
      MIDDLE_DATABASE_URL: url('tls_app_middle'),
      NODE_EXTRA_CA_CERTS: path.join(dir, 'data', 'server.crt'),
      NODE_ENV: 'development',
    });
    expect(code).toBe(0);
    const applied = asPostgres(
      'psql',
      '-h',
      dir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      'tls_app',
      '-tAc',
      'SELECT count(*) FROM schema_migrations',
    )
      .toString()
      .trim();
    expect(Number(applied)).toBeGreaterThan(5);
  });
});
