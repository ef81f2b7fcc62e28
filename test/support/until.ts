import net from 'node:net';

/** Polls `check` until it holds; fails naming `what` once `timeoutMs` has passed. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what = '等待的条件'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}：${timeoutMs} ms 内未完成`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
