import type { NextFunction, Request, Response } from 'express';
import { onPrimary } from '../db/read-routing.js';

const READING = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that changes something runs on the primary, reads included, and its session remembers when; for
 * `windowMs` after, that user's reads stay there too, so a supervisor sees their own decision at once however far the
 * standby's replay is behind. Other users read from the standby meanwhile.
 */
export function readYourWrites(windowMs: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const session = req.session as (Request['session'] & { wroteAt?: number }) | undefined;
    if (!READING.has(req.method)) {
      if (session) session.wroteAt = Date.now();
      onPrimary(next);
      return;
    }
    if (session?.wroteAt !== undefined && Date.now() - session.wroteAt < windowMs) {
      onPrimary(next);
      return;
    }
    next();
  };
}

/** Every request of the 一体化 API on the primary: the platform asks for a batch's outcome right after sending it. */
export function primaryRequests(_req: Request, _res: Response, next: NextFunction): void {
  onPrimary(next);
}
