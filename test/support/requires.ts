import fs from 'node:fs';
import { describe, it } from '@jest/globals';
import { PG_URL } from './own-databases.js';
import { ownRedisOrSkip } from './own-redis.js';
import { redisOrSkip } from './services.js';
import { IS_CI } from './test-app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * What a test needs beyond the run's database: PostgreSQL (the suite's PostgreSQL pass), the machine's Redis at
 * REDIS_URL, a `redis-server` to start one of its own, a headless chromium.
 */
export type Service = 'postgres' | 'redis' | 'own-redis' | 'chromium' | 'nginx' | 'systemd-analyze';

/**
 * `it` and `describe` for tests that need something: themselves where it is there, `.skip` where it is not, so jest
 * counts those tests as skipped instead of passing bodies that returned early. Decided when the file is collected,
 * so a skipped block's `beforeAll` starts nothing.
 */
export interface Requirement {
  readonly ok: boolean;
  readonly it: typeof it.skip;
  readonly describe: typeof describe.skip;
}

export function gate(ok: boolean): Requirement {
  return { ok, it: ok ? it : it.skip, describe: ok ? describe : describe.skip };
}

function postgresOrSkip(what: string): boolean {
  if (PG_URL) return true;
  // Not an error under CI=true: the SQLite pass of npm test leaves these to its PostgreSQL pass.
  console.warn(`${what} needs PostgreSQL: it runs in the PostgreSQL pass of npm test, skipped here.`);
  return false;
}

function chromiumOrSkip(what: string): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (IS_CI) throw new Error(`CI=true 但浏览器 ${CHROMIUM_PATH} 不存在：${what} 必须在真实浏览器中运行（apt-get install -y chromium）`);
  console.warn(`\n!!!!! 跳过 ${what}：未找到浏览器 ${CHROMIUM_PATH}。请执行 apt-get install -y chromium 后重新运行 npm test。 !!!!!\n`);
  return false;
}

/** A Debian program a drill starts itself (nginx) or checks files with (systemd-analyze). */
function programOrSkip(program: string, debianPackage: string): (what: string) => boolean {
  return (what) => {
    const found = (process.env.PATH ?? '')
      .split(':')
      .concat('/usr/sbin', '/usr/bin')
      .some((dir) => fs.existsSync(`${dir}/${program}`));
    if (found) return true;
    if (IS_CI) throw new Error(`CI=true 但未找到 ${program}：${what} 必须运行（apt-get install -y ${debianPackage}）`);
    console.warn(`\n!!!!! 跳过 ${what}：未找到 ${program}。请执行 apt-get install -y ${debianPackage} 后重新运行 npm test。 !!!!!\n`);
    return false;
  };
}

const CHECKS: Record<Service, (what: string) => boolean | Promise<boolean>> = {
  postgres: postgresOrSkip,
  redis: redisOrSkip,
  'own-redis': ownRedisOrSkip,
  chromium: chromiumOrSkip,
  nginx: programOrSkip('nginx', 'nginx'),
  'systemd-analyze': programOrSkip('systemd-analyze', 'systemd'),
};

/**
 * Whether `what` can run here, checking `services` in order and stopping at the first one missing. A missing Redis,
 * `redis-server` or chromium prints a loud warning on a laptop and throws under CI=true (the file fails: a green CI
 * always means they ran); a missing PostgreSQL only skips, in any environment (the SQLite pass). Use it at the top of
 * the file: `const drill = await needs('F7 …', 'redis');` then `drill.describe('…', () => { … })`.
 */
export async function needs(what: string, ...services: Service[]): Promise<Requirement> {
  for (const service of services) if (!(await CHECKS[service](what))) return gate(false);
  return gate(true);
}
