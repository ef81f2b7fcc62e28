import type { Server, ServerResponse } from 'node:http';
import { logger } from '../settings/logger.js';

export interface CloseOutcome {
  /** Whether every request in flight finished before the deadline. */
  drained: boolean;
  /** Requests still running when the deadline cut their connections. */
  unfinished: number;
  ms: number;
}

/**
 * Lets `server` be closed without cutting off what it has accepted. Call it right after creating the server: it
 * follows every request from then on, so that the close it returns can let the ones in flight finish.
 *
 * The close stops accepting connections, closes idle keep-alive connections at once, and has every response still
 * to be written (or asked for on a connection still open) end its connection (`Connection: close`). It waits until
 * the requests in flight have finished or `graceMs` has passed, then closes whatever connections remain. Calling it
 * again returns the same close.
 */
export function gracefulClose(server: Server): (graceMs: number) => Promise<CloseOutcome> {
  const inFlight = new Set<ServerResponse>();
  let closing: Promise<CloseOutcome> | undefined;
  let drained: (() => void) | undefined;

  const lastOnItsConnection = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  // Before the app's own listener, so that the header is set before anything can be written.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (closing) lastOnItsConnection(res);
    // 'close' follows the end of the response, or a connection lost before it.
    res.once('close', () => {
      inFlight.delete(res);
      if (!closing) return;
      // A response whose headers were out before the close began kept its connection: it is idle now.
      server.closeIdleConnections();
      if (!inFlight.size) drained?.();
    });
  });

  const close = async (graceMs: number): Promise<CloseOutcome> => {
    const started = Date.now();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    for (const res of inFlight) lastOnItsConnection(res);
    if (inFlight.size) logger.info({ inFlight: inFlight.size, graceMs }, 'http server closing: letting the requests in flight finish');
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      new Promise<boolean>((resolve) => {
        drained = () => resolve(true);
        if (!inFlight.size) resolve(true);
      }),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    const unfinished = inFlight.size;
    if (!finished) logger.warn({ unfinished, graceMs }, 'shutdown deadline passed: connections closed with requests unfinished');
    server.closeAllConnections();
    await closed;
    return { drained: finished, unfinished, ms: Date.now() - started };
  };

  return (graceMs) => {
    closing ??= close(graceMs);
    return closing;
  };
}
