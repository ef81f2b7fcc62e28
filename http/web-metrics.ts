import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';

export interface WebMetrics {
  /** Times every request by method, route and status class. */
  requests: (req: Request, res: Response, next: NextFunction) => void;
  /** A login refused: a wrong password or unknown user, or a limit in force. */
  loginFailed: (reason: 'credentials' | 'throttled') => void;
}

/**
 * A route is labelled by the template it matched (`/admin/api/resources/:resourceId/records/:recordId/:action`), never
 * by the path asked for: ids and mistyped URLs would make a series each, and anyone could fill the scraper's memory.
 */
export function routeOf(req: Request): string {
  const template = req.route?.path;
  if (typeof template === 'string') return `${req.baseUrl}${template}`;
  if (req.originalUrl.startsWith('/admin/frontend/assets/')) return '/admin/frontend/assets';
  if (req.originalUrl.startsWith('/static/')) return '/static';
  return 'unmatched';
}

export function webMetrics(registry: Registry): WebMetrics {
  const seconds = new Histogram({
    name: 'jxcg_http_request_seconds',
    help: 'Time to answer a request, by method, route template and status class',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const failedLogins = new Counter({
    name: 'jxcg_login_failures_total',
    help: 'Logins refused, by reason (credentials, throttled)',
    labelNames: ['reason'],
    registers: [registry],
  });
  for (const reason of ['credentials', 'throttled']) failedLogins.inc({ reason }, 0);
  return {
    requests: (req, res, next) => {
      const stop = seconds.startTimer();
      res.once('finish', () => stop({ method: req.method, route: routeOf(req), status: `${Math.floor(res.statusCode / 100)}xx` }));
      next();
    },
    loginFailed: (reason) => failedLogins.inc({ reason }),
  };
}
