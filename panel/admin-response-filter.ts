import type { NextFunction, Request, Response } from 'express';

/** Framework messages that reach users in English, and what a supervisor should read instead. */
const FRAMEWORK_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/^Record with given id: .* cannot be found in resource/, '该记录不存在或不在您的辖区内'],
  [/^There are no resources with given id/, '没有这个功能模块'],
];

function localise(message: unknown): unknown {
  if (typeof message !== 'string') return message;
  return FRAMEWORK_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}

/**
 * Rewrites what AdminJS sends before it leaves: its page templates link Google Fonts (unreachable from an intranet,
 * and without Chinese glyphs anyway), and a few of its API messages are English-only.
 */
export function adminResponseFilter(_req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    // An API answer comes here twice, as an object and then as the JSON text `res.json` made of it (already typed
    // as JSON); only pages are searched for the font link, not tens of kilobytes of records on every list call.
    if (typeof body === 'string') {
      if (!/json/.test(String(res.get('Content-Type') ?? '')) && body.includes('fonts.googleapis.com')) {
        body = body.replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, '');
      }
    } else if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
      const data = body as { notice?: { message?: unknown }; record?: { baseError?: { message?: unknown } | null } };
      if (data.notice) data.notice.message = localise(data.notice.message);
      if (data.record?.baseError) data.record.baseError.message = localise(data.record.baseError.message);
    }
    return send(body);
  };
  next();
}
