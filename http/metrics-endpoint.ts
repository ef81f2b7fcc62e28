import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Registry } from 'prom-client';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { logger } from '../settings/logger.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the scrape token; compared in constant time, so no answer tells how much of it matched. */
export function hasScrapeToken(req: { headers: Record<string, string | string[] | undefined> }, token: string | undefined): boolean {
  const header = req.headers.authorization;
  if (!token || typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/**
 * `/metrics` in Prometheus' text format, for a scraper with the token or a signed-in administrator (the session is
 * checked against the user's current rights first): request, queue and pool figures tell an outsider how the
 * province works, so nobody else reads them.
 */
export function metricsEndpoint(registry: Registry, token: string | undefined): RequestHandler {
  return async (req: Request, res: Response) => {
    if (!hasScrapeToken(req, token)) {
      const user = (req.session as { adminUser?: SessionUser } | undefined)?.adminUser;
      if (!user) {
        res.status(401).type('text/plain; charset=utf-8').send('需要抓取令牌（Authorization: Bearer …）或系统管理员登录');
        return;
      }
      if (user.role !== 'admin') {
        res.status(403).type('text/plain; charset=utf-8').send('只有系统管理员可以查看运行指标');
        return;
      }
    }
    try {
      res.type(registry.contentType).send(await registry.metrics());
    } catch (error) {
      logger.error({ err: error }, 'metrics: collection failed');
      res.status(500).type('text/plain; charset=utf-8').send('运行指标暂时无法生成');
    }
  };
}
