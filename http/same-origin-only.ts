import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginOptions {
  /** The origins our pages are served from, e.g. `https://cg.example.gov.cn`; empty: the origin the request names. */
  publicOrigins: readonly string[];
  /** Paths whose callers prove themselves otherwise (the signed 一体化 API, which no browser calls). */
  exempt: readonly string[];
}

function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

/**
 * Every state-changing request must come from our own pages. SameSite=Lax lets a page on another port of the same
 * host, or a sibling subdomain, post with the user's cookie; the browser's `Origin` (sent on every POST) or, where it
 * sends none, `Sec-Fetch-Site` tells where the request was made. A request with neither is refused too: browsers send
 * them, so only a non-browser client omits both, and it has no business with the panel's session.
 */
export function sameOriginOnly(options: SameOriginOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method) || options.exempt.some((path) => req.path.startsWith(path))) return next();
    const allowed = options.publicOrigins.length ? options.publicOrigins : [ownOrigin(req)];
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const fromUs = origin !== undefined ? allowed.includes(origin) : site === 'same-origin';
    if (fromUs) return next();
    res.set('Cache-Control', 'no-store');
    res.status(403).json({
      code: 'cross_site_request',
      message: '该请求不是从本系统页面发出的，已拒绝（防跨站请求伪造）。请在本系统页面中重新操作',
    });
  };
}
