import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { startWeb, type Running } from '../../main/bootstrap.js';
import { LoginAttempt } from '../../db/models.js';
import { scratchDir } from '../support/databases.js';
import { needs } from '../support/requires.js';
import { api, DEMO_PASSWORD, startTestApp, testEnv } from '../support/test-app.js';
import { freePort, until } from '../support/until.js';

/**
 * F12 (issue #27 item 4): deploy/nginx/jxcg.conf itself, run by Debian's nginx with a self-signed certificate in front
 * of two web instances on one PostgreSQL database. Over HTTPS a user signs in (the cookie Secure), the login limit
 * counts the client's own address whatever X-Forwarded-For it forges, and when one instance stops the other answers
 * the same session.
 */
const drill = await needs('F12 nginx 负载均衡与 TLS 演练', 'postgres', 'nginx');
jest.setTimeout(120_000);

const here = path.dirname(fileURLToPath(import.meta.url));
const SITE = fs.readFileSync(path.resolve(here, '../../deploy/nginx/jxcg.conf'), 'utf8');
const SERVER_NAME = 'cg.example.gov.cn';
/** The client connects from another loopback address than nginx's own, so "its own address" is told apart. */
const CLIENT_ADDRESS = '127.0.0.2';

/** The site file with this drill's ports and certificate; each replacement must find its line, or the file changed shape. */
function renderSite(webPorts: [number, number], httpPort: number, tlsPort: number, cert: string, key: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/server 127\.0\.0\.1:3000 max_fails=0;/, `server 127.0.0.1:${webPorts[0]} max_fails=0;`],
    [/server 127\.0\.0\.1:3001 max_fails=0;/, `server 127.0.0.1:${webPorts[1]} max_fails=0;`],
    [/listen 80;/, `listen 127.0.0.1:${httpPort};`],
    [/listen 443 ssl;/, `listen 127.0.0.1:${tlsPort} ssl;`],
    [/ssl_certificate \/etc\/ssl\/jxcg\.crt;/, `ssl_certificate ${cert};`],
    [/ssl_certificate_key \/etc\/ssl\/jxcg\.key;/, `ssl_certificate_key ${key};`],
  ];
  return replacements.reduce((text, [pattern, value]) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/jxcg.conf 中找不到 ${pattern}`);
    return text.replace(pattern, value);
  }, SITE);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

drill.describe('F12: two web instances behind nginx with TLS', () => {
  const dir = scratchDir('nginx');
  let nginx: ChildProcess | undefined;
  let first: Awaited<ReturnType<typeof startTestApp>> | undefined;
  let second: Running | undefined;
  let httpPort = 0;
  let tlsPort = 0;
  let cert = '';
  const served = new Map<Running, number>();

  /** A request through nginx over HTTPS, trusting only the drill's certificate, from CLIENT_ADDRESS. */
  const viaNginx = (method: string, url: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const request = https.request(
        {
          host: '127.0.0.1',
          port: tlsPort,
          method,
          path: url,
          servername: SERVER_NAME,
          ca: cert,
          localAddress: CLIENT_ADDRESS,
          headers: { host: `${SERVER_NAME}:${tlsPort}`, ...headers },
          agent: false,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const origin = () => `https://${SERVER_NAME}:${tlsPort}`;
  const logIn = (password: string, headers: Record<string, string> = {}) =>
    viaNginx(
      'POST',
      '/admin/login',
      { 'content-type': 'application/x-www-form-urlencoded', origin: origin(), ...headers },
      new URLSearchParams({ email: 'nanchangxian', password }).toString(),
    );

  beforeAll(async () => {
    [httpPort, tlsPort] = [await freePort(), await freePort()];
    const settings = { TRUST_PROXY: 'loopback', COOKIE_SECURE: 'true', PUBLIC_ORIGIN: `https://${SERVER_NAME}:${tlsPort}` };
    first = await startTestApp(settings);
    second = await startWeb(
      await testEnv({ ...settings, DATABASE_URL: first.env.DATABASE_URL, MIDDLE_DATABASE_URL: first.env.MIDDLE_DATABASE_URL }),
      { seedDemo: false },
    );
    for (const web of [first, second]) {
      served.set(web, 0);
      web.server.on('request', () => served.set(web, served.get(web)! + 1));
    }
    const certFile = path.join(dir, 'jxcg.crt');
    const keyFile = path.join(dir, 'jxcg.key');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${SERVER_NAME}`,
        '-addext',
        `subjectAltName=DNS:${SERVER_NAME}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    cert = fs.readFileSync(certFile, 'utf8');
    const ports = [first, second].map((web) => Number(new URL(web.url).port)) as [number, number];
    fs.writeFileSync(path.join(dir, 'jxcg.conf'), renderSite(ports, httpPort, tlsPort, certFile, keyFile));
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, temp), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        ...(process.getuid?.() === 0 ? ['user root;'] : []),
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 256; }',
        'http {',
        '  access_log off;',
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t === 'body' ? 'client_body' : t}_temp_path ${dir}/${t};`),
        `  include ${dir}/jxcg.conf;`,
        '}',
      ].join('\n'),
    );
    execFileSync('nginx', ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
    nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
    await until(async () => (await viaNginx('GET', '/healthz').catch(() => ({ status: 0 }))).status === 200, 15_000, 'nginx 启动');
  });

  afterAll(async () => {
    nginx?.kill('SIGQUIT');
    await second?.stop();
    await first?.stop();
  });

  it('plain HTTP is sent to HTTPS', async () => {
    const answer = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port: httpPort, path: '/admin', headers: { host: SERVER_NAME } }, resolve).on('error', reject),
    );
    answer.resume();
    expect(answer.statusCode).toBe(301);
    expect(answer.headers.location).toBe(`https://${SERVER_NAME}/admin`);
  });

  it("over HTTPS a user signs in with a Secure cookie, and a refused login is counted against the client's own address", async () => {
    const forged = '203.0.113.77';
    const refused = await logIn('not-the-password', { 'x-forwarded-for': forged });
    expect(refused.status).toBe(200);
    const attempt = await LoginAttempt.findOne({ where: { username: 'nanchangxian' }, order: [['id', 'DESC']] });
    expect(attempt?.ip).toBe(CLIENT_ADDRESS);
    const accepted = await logIn(DEMO_PASSWORD, { 'x-forwarded-for': forged });
    expect(accepted.status).toBe(302);
    const sessionCookie = (accepted.headers['set-cookie'] ?? []).find((c) => c.startsWith('jxcg.sid='));
    expect(sessionCookie).toMatch(/; Secure/i);
    expect(sessionCookie).toMatch(/; HttpOnly/i);
  });

  it('both instances serve; one stopped, the other answers every request of the same session', async () => {
    const accepted = await logIn(DEMO_PASSWORD);
    expect(accepted.status).toBe(302);
    const cookie = (accepted.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c!.startsWith('jxcg.sid='))!;
    const list = () => viaNginx('GET', api.list('ProcurementUnit'), { cookie });
    const before = [served.get(first!)!, served.get(second!)!];
    const answers = await Promise.all(Array.from({ length: 12 }, list));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    const total = JSON.parse(answers[0]!.body).meta.total as number;
    expect(total).toBeGreaterThan(0);
    expect(served.get(first!)! - before[0]!).toBeGreaterThan(0);
    expect(served.get(second!)! - before[1]!).toBeGreaterThan(0);

    await first!.stop();
    first = undefined;
    const afterStop = served.get(second!)!;
    const remaining = [];
    for (let i = 0; i < 10; i++) remaining.push(await list());
    expect(remaining.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(remaining.every((a) => JSON.parse(a.body).meta.total === total)).toBe(true);
    expect(served.get(second!)! - afterStop).toBe(10);
  });
});
