import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pairedLatencies, percentile } from '../latency.js';
import { ROOT, startNode, stopProcess, waitForHttp } from '../processes.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import { freePort, login, type PgStack } from '../stack.js';
import { COUNTY } from './p2-list.js';

/**
 * deploy/nginx/jxcg.conf without its TLS (the bench's client speaks plain HTTP; the figure is the balancer's own
 * cost), in front of the stack's web and a second one.
 */
function balancerConfig(dir: string, listenPort: number, webPorts: [number, number]): string {
  const site = fs
    .readFileSync(path.join(ROOT, 'deploy/nginx/jxcg.conf'), 'utf8')
    .replace('server 127.0.0.1:3000 max_fails=0;', `server 127.0.0.1:${webPorts[0]} max_fails=0;`)
    .replace('server 127.0.0.1:3001 max_fails=0;', `server 127.0.0.1:${webPorts[1]} max_fails=0;`)
    .replace(/server \{\n\s+listen 80;[\s\S]*?\n\}\n/, '')
    .replace('listen 443 ssl;', `listen 127.0.0.1:${listenPort};`)
    .replace(/^\s*ssl_[^\n]*\n/gm, '');
  if (!site.includes(`127.0.0.1:${webPorts[1]}`) || site.includes('ssl')) throw new Error('deploy/nginx/jxcg.conf changed shape');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`);
  return [
    'daemon off;',
    'worker_processes 1;',
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 512; }',
    'http {',
    '  access_log off;',
    ...temp,
    site,
    '}',
  ].join('\n');
}

/** P11: the county list through nginx in front of two webs against one web directly, one request at a time each. */
export async function p11Balancer(stack: PgStack, rounds: { warmup: number; requests: number }): Promise<Figure | null> {
  try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
  } catch {
    progress('!!!!! P11 skipped: nginx is not installed (apt-get install -y nginx) !!!!!');
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-bench-nginx-'));
  const webPort = await freePort();
  const second = startNode('dist/main/web.js', { ...stack.env, PORT: String(webPort) }, 'web 2', 'web');
  const nginxPort = await freePort();
  let nginx: ReturnType<typeof spawn> | undefined;
  try {
    await waitForHttp(`http://127.0.0.1:${webPort}/admin/login`, 120_000, second);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), balancerConfig(dir, nginxPort, [Number(new URL(stack.url).port), webPort]));
    execFileSync('nginx', ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
    nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
    const balanced = `http://127.0.0.1:${nginxPort}`;
    await waitForHttp(`${balanced}/healthz`, 10_000);
    // Sessions are in the database: one login serves both webs and the direct one.
    const cookie = await login(stack.url, COUNTY.username);
    const list = '/admin/api/resources/IntegrationBudget/actions/list?page=1&perPage=20';
    const get = async (base: string) => {
      const response = await fetch(`${base}${list}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${base}${list}: HTTP ${response.status}`);
      await response.arrayBuffer();
    };
    progress(`P11: the county list through nginx (two webs) and directly (one), ${rounds.requests} requests each`);
    const times = await pairedLatencies(
      () => get(balanced),
      () => get(stack.url),
      // The second web starts cold: enough warm-up requests that each web has compiled the list's path.
      { warmup: Math.max(rounds.warmup, 20), requests: rounds.requests },
    );
    return figure(
      'P11',
      '县列表 p95：nginx 后两个 web 实例 / 直连一个实例',
      'ms',
      percentile(times.project, 95),
      percentile(times.baseline, 95),
      { on: 'ratio', op: '<=', limit: 1.2 },
    );
  } finally {
    nginx?.kill('SIGQUIT');
    await stopProcess(second);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
