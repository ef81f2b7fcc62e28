import type { NextFunction, Request, Response } from 'express';
import {
  activityWriteDue,
  BACKGROUND_REQUEST_HEADER,
  SESSION_ENDED_COOKIE,
  SESSION_STATUS_PATH,
  sessionEnding,
  sessionEndedValue,
  type SessionLimits,
  type SessionTimes,
} from '../domain/session-limits.js';
import { logger } from '../settings/logger.js';
import { endExpiredSession } from '../services/sessions.js';
import type { SessionStore, StoredSession } from './session-store.js';

/**
 * Reads the page makes by itself whatever the user does, known by their path: the session check, and the queue
 * board's refresh every few seconds. The panel's own polls (an export's or a bulk push's progress) say so with
 * BACKGROUND_REQUEST_HEADER.
 */
const BACKGROUND_PATHS = [new RegExp(`^${SESSION_STATUS_PATH}$`), /^\/admin\/queues\/api\//];

/** A read that is not the user's activity: it leaves the idle end where it was. Any write is activity. */
export function isBackgroundRequest(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.get(BACKGROUND_REQUEST_HEADER) === '1') return true;
  const path = req.originalUrl.split('?')[0]!;
  return BACKGROUND_PATHS.some((pattern) => pattern.test(path));
}

/** The times of a signed-in session as its row gave them; null for a session without a user. */
export function sessionTimesOf(req: Request): SessionTimes | null {
  const session = req.session as unknown as StoredSession | undefined;
  if (!session?.adminUser || session.startedAt === undefined) return null;
  return { startedAt: session.startedAt, lastActiveAt: session.lastActiveAt ?? session.startedAt };
}

/**
 * The server's side of the session time limits: a request of a session past its absolute end or its idle end signs
 * the user out (the session is destroyed, so nothing of this request runs as them) and tells the login page why; any
 * other request that is not a background read moves the idle end on.
 */
export function enforceSessionLimits(store: SessionStore, limits: SessionLimits, { secure }: { secure: boolean }) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const times = sessionTimesOf(req);
    if (!times) return next();
    const now = Date.now();
    const ending = sessionEnding(times, now, limits);
    if (ending) {
      // Read by the login page's script (not httpOnly); it holds only why, nothing of the user.
      res.cookie(SESSION_ENDED_COOKIE, sessionEndedValue(ending, limits.maxMs / 3_600_000), {
        path: '/admin/login',
        sameSite: 'lax',
        secure,
        maxAge: 600_000,
      });
      res.locals.sessionEnded = ending;
      logger.info({ userId: (req.session as unknown as StoredSession).adminUser?.id, ending }, 'session ended by its time limit');
      try {
        await endExpiredSession(req.sessionID, ending);
      } catch (error) {
        return next(error);
      }
      req.session.destroy((error) => next(error));
      return;
    }
    if (!isBackgroundRequest(req) && activityWriteDue(times, now, limits)) {
      try {
        await store.recordActivity(req.sessionID, now);
      } catch (error) {
        return next(error);
      }
    }
    next();
  };
}
