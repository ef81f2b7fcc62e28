import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { logger } from '../settings/logger.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A balancer's own id (nginx's `$request_id`) is kept, so one id follows a request through both logs. */
const UPSTREAM_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The id a request is logged under; error answers name it, so a supervisor's report finds its log lines. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  const id = (req as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Every request is one JSON line on stdout (pino-http): method, path, status, time and the request id, which the
 * answer also carries in `X-Request-Id`. Never cookies, headers or bodies: they hold sessions and personal data.
 */
export function requestLog(log: Logger = logger) {
  return pinoHttp({
    logger: log,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const upstream = req.headers[REQUEST_ID_HEADER.toLowerCase()];
      const id = typeof upstream === 'string' && UPSTREAM_ID.test(upstream) ? upstream : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || !!req.url?.startsWith('/admin/frontend/assets/') },
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
