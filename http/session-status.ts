import type { Express, Request, Response } from 'express';
import { SESSION_STATUS_PATH, sessionStatus, type SessionEnding, type SessionLimits } from '../domain/session-limits.js';
import type { SessionStore } from './session-store.js';
import { sessionTimesOf } from './session-limits.js';

function signedOut(res: Response): void {
  const ended = (res.locals.sessionEnded as SessionEnding | undefined) ?? null;
  res.status(401).json({ code: 'signed_out', ended, message: '登录已失效，请重新登录' });
}

/**
 * What the panel asks about its session (`session-watch.tsx`): time left before the idle and the absolute end, and
 * when to warn. Asking is a background read (it never moves the idle end); 继续使用 posts to `/renew`, which does.
 */
export function mountSessionStatus(app: Express, store: SessionStore, limits: SessionLimits): void {
  app.get(SESSION_STATUS_PATH, (req: Request, res: Response) => {
    const times = sessionTimesOf(req);
    if (!times) return signedOut(res);
    res.json(sessionStatus(times, Date.now(), limits));
  });
  app.post(`${SESSION_STATUS_PATH}/renew`, async (req: Request, res: Response) => {
    const times = sessionTimesOf(req);
    if (!times) return signedOut(res);
    const now = Date.now();
    await store.recordActivity(req.sessionID, now);
    res.json(sessionStatus({ ...times, lastActiveAt: now }, now, limits));
  });
}
