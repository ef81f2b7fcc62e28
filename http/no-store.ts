import type { NextFunction, Request, Response } from 'express';

/**
 * Panel pages and API answers carry personal data: no browser or proxy cache may keep them (a shared office PC's
 * back button, a proxy between offices).
 */
export function noStore(req: Request, res: Response, next: NextFunction): void {
  // The panel's scripts hold no personal data and are the same for everyone.
  if (!req.path.startsWith('/frontend/assets/')) res.set('Cache-Control', 'no-store');
  next();
}
