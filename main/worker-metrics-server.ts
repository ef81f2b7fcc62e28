import http, { type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { hasScrapeToken } from '../http/metrics-endpoint.js';

/**
 * A worker has no panel and no sessions: its /metrics (job durations, queue depths, pool) answers the scrape token
 * only, on the worker's own port.
 */
export function serveWorkerMetrics(registry: Registry, token: string, host: string, port: number): Promise<Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('只提供 /metrics');
      return;
    }
    if (!hasScrapeToken(req, token)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('需要抓取令牌（Authorization: Bearer …）');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('运行指标暂时无法生成'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
