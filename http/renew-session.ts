import type { Request } from 'express';

/**
 * A new session id at login (and at any change of privilege): an id an attacker planted in the victim's browser
 * before login is thrown away with everything in it, except where the user was going.
 */
export function renewSession(req: Request): Promise<void> {
  const redirectTo = (req.session as { redirectTo?: string } | undefined)?.redirectTo;
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error);
      if (redirectTo) (req.session as { redirectTo?: string }).redirectTo = redirectTo;
      resolve();
    });
  });
}
