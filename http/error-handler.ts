import { ForbiddenError, NotFoundError } from 'adminjs';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../panel/http-error.js';
import { logger } from '../settings/logger.js';
import { answerDatabaseUnavailable, isDatabaseUnavailable } from './database-unavailable.js';
import { answerError, INTERNAL_ERROR_PAGE, NOT_FOUND_PAGE } from './error-page.js';
import { requestIdOf } from './request-log.js';

const ERROR_TITLES: Record<number, string> = { 400: '请求有误', 403: '无权访问', 404: '页面不存在' };

/**
 * A request Express or a parser could not read (an address with broken percent-encoding such as `%E0%A4%A`, a body
 * it refused): its own 4xx status, never its text, which quotes what was sent.
 */
const CLIENT_ERROR_PAGE = {
  code: 'bad_request',
  title: '请求有误',
  message: '请求的地址或内容格式有误，无法处理。请检查链接是否完整，或从工作台重新进入。',
} as const;

function clientErrorStatus(error: Error): number | null {
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/**
 * Whatever no route answered (a mistyped address under /admin or elsewhere): our page, not Express's English
 * "Cannot GET". The 一体化 API answers its own unknown paths in JSON before this.
 */
export function notFound(req: Request, res: Response): void {
  answerError(req, res, NOT_FOUND_PAGE);
}

/** The last handler: our refusals with their status, an unreadable request with its 4xx, the database's absence as 503, anything else as our 500. */
export function errorHandler(error: Error, req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof HttpError) {
    if (!res.headersSent) {
      answerError(req, res, {
        status: error.status,
        code: error.code,
        title: ERROR_TITLES[error.status] ?? '请求有误',
        message: error.message,
      });
    }
    return;
  }
  // AdminJS's controller throws these itself where its route has no record to hand an action (a bulk action on records
  // that are none of the user's): a refusal, not a failure of ours.
  if (error instanceof NotFoundError || error instanceof ForbiddenError) {
    if (!res.headersSent) {
      const refused = error instanceof ForbiddenError;
      answerError(req, res, {
        status: refused ? 403 : 404,
        code: refused ? 'forbidden' : 'not_found',
        title: refused ? ERROR_TITLES[403]! : ERROR_TITLES[404]!,
        message: refused ? '您没有执行此操作的权限' : '所选记录不存在或不在您的辖区内',
      });
    }
    return;
  }
  const clientStatus = clientErrorStatus(error);
  if (clientStatus !== null) {
    logger.warn({ err: error.message, url: req.originalUrl, requestId: requestIdOf(req) }, 'request unreadable');
    const page =
      clientStatus === 404 ? NOT_FOUND_PAGE : { ...CLIENT_ERROR_PAGE, title: ERROR_TITLES[clientStatus] ?? CLIENT_ERROR_PAGE.title };
    if (!res.headersSent) answerError(req, res, { ...page, status: clientStatus });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error.message, url: req.originalUrl }, 'database unavailable');
    if (!res.headersSent) answerDatabaseUnavailable(req, res, error);
    return;
  }
  logger.error({ err: error, url: req.originalUrl, requestId: requestIdOf(req) }, 'request failed');
  // The error's own text stays in the log: it may name tables, paths or values.
  if (!res.headersSent) answerError(req, res, INTERNAL_ERROR_PAGE);
}
