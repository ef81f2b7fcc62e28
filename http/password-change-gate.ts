import type { NextFunction, Request, Response } from 'express';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { answerError } from './error-page.js';

export const PASSWORD_PATH = '/admin/password';

/** What a user whose password must change may still reach: the page that changes it, and the way out. */
const OPEN = new Set([PASSWORD_PATH, '/admin/login', '/admin/logout']);

/**
 * While a session's password must change (an initial or reset password, an expired one, the demo password in
 * production: set at login, http/auth.ts), the server answers nothing else: a page is sent to the password page,
 * anything else (the panel's API, an export, the queue board, /metrics) is refused. The page's own scripts are
 * not needed there: it is plain HTML.
 */
export function passwordChangeGate(req: Request, res: Response, next: NextFunction): void {
  const user = (req.session as { adminUser?: SessionUser } | undefined)?.adminUser;
  if (!user?.passwordChange || OPEN.has(req.originalUrl.split('?')[0]!)) return next();
  if (req.method === 'GET' && !req.originalUrl.startsWith('/admin/api/') && req.accepts(['json', 'html']) === 'html') {
    res.redirect(303, PASSWORD_PATH);
    return;
  }
  answerError(req, res, {
    status: 403,
    code: 'password_change_required',
    title: '请先修改密码',
    message: '您的密码须先修改，修改之前不能使用系统的其他功能。',
    links: [{ href: PASSWORD_PATH, label: '修改密码' }],
  });
}
