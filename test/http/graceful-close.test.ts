import http, { type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { gracefulClose } from '../../http/graceful-close.js';

/** A server whose requests wait until the test lets them answer (`/slow`), or answer at once. */
function serve(): Promise<{ server: Server; port: number; release: () => void; arrived: () => number }> {
  let waiting: Array<() => void> = [];
  let count = 0;
  const server = http.createServer((req, res) => {
    count += 1;
    if (req.url === '/slow') waiting.push(() => res.end('slow'));
    else if (req.url === '/stream') {
      res.writeHead(200);
      res.write('a');
      waiting.push(() => res.end('b'));
    } else if (req.url !== '/hang') res.end('fast');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        arrived: () => count,
        release: () => {
          for (const answer of waiting) answer();
          waiting = [];
        },
      }),
    ),
  );
}

function get(port: number, path: string, agent: http.Agent): Promise<{ res: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ res, body }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
};

describe('closing the http server gracefully', () => {
  const agents: http.Agent[] = [];
  const agent = () => {
    const a = new http.Agent({ keepAlive: true });
    agents.push(a);
    return a;
  };
  afterEach(() => {
    for (const a of agents.splice(0)) a.destroy();
  });

  it('answers the requests in flight with Connection: close, closes idle keep-alive connections at once', async () => {
    const { server, port, release, arrived } = await serve();
    const close = gracefulClose(server);
    const idle = agent();
    await get(port, '/fast', idle);
    expect(Object.values(idle.freeSockets).flat()).toHaveLength(1);
    const busy = agent();
    const slow = get(port, '/slow', busy);
    await until(() => arrived() === 2);

    const closing = close(10_000);
    expect(close(10_000)).toBe(closing);
    await until(() => Object.values(idle.freeSockets).flat().length === 0);
    // No new connections meanwhile.
    await expect(get(port, '/fast', agent())).rejects.toThrow();
    release();
    const answer = await slow;
    expect(answer.body).toBe('slow');
    expect(answer.res.headers.connection).toBe('close');
    expect(await closing).toMatchObject({ drained: true, unfinished: 0 });
  });

  it('a response already under way keeps its headers, and its connection is closed once it ends', async () => {
    const { server, port, release, arrived } = await serve();
    const close = gracefulClose(server);
    const streaming = get(port, '/stream', agent());
    await until(() => arrived() === 1);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const closing = close(10_000);
    release();
    expect((await streaming).body).toBe('ab');
    expect(await closing).toMatchObject({ drained: true, unfinished: 0 });
    // Well before the keep-alive timeout (5 s) would have ended the connection.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('at the deadline, the connections of requests still running are closed', async () => {
    const { server, port, arrived } = await serve();
    const close = gracefulClose(server);
    const hanging = get(port, '/hang', agent());
    hanging.catch(() => undefined);
    await until(() => arrived() === 1);
    const outcome = await close(200);
    expect(outcome).toMatchObject({ drained: false, unfinished: 1 });
    expect(outcome.ms).toBeGreaterThanOrEqual(190);
    await expect(hanging).rejects.toThrow();
  });
});
