import type { Request, Response } from 'express';
import { answerError } from './error-page.js';
import { classifyDatabaseError, type DatabaseFailure } from '../db/database-errors.js';
import { zhCN } from '../panel/locale/zh-CN.js';

export { classifyDatabaseError, isDatabaseUnavailable, type DatabaseFailure } from '../db/database-errors.js';

/** Seconds a client is told to wait before trying again while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;
/** Seconds a client is told to wait before sending again a request the database stopped for a concurrent one. */
export const DATABASE_CONFLICT_RETRY_AFTER_SECONDS = 1;

export const DATABASE_UNAVAILABLE_MESSAGE = zhCN.messages.databaseUnavailable;
export const DATABASE_CONFLICT_MESSAGE = '与他人的操作冲突，未作任何修改，请重试';

/**
 * The answer while the database is away: 503 with Retry-After, as a page for a person at the browser and as JSON
 * for the panel's own API calls. The page loads nothing, so it shows even when every other request would fail.
 * Given the error, a conflict with a concurrent statement answers its own words and `Retry-After: 1`. Only our own
 * sentences are sent: the driver's text (which may name tables and values) goes to the log alone.
 */
export function answerDatabaseUnavailable(req: Request, res: Response, error?: unknown): void {
  const failure: DatabaseFailure = (error !== undefined && classifyDatabaseError(error)) || 'unavailable';
  const conflict = failure === 'conflict';
  const seconds = conflict ? DATABASE_CONFLICT_RETRY_AFTER_SECONDS : DATABASE_RETRY_AFTER_SECONDS;
  const message = conflict ? DATABASE_CONFLICT_MESSAGE : DATABASE_UNAVAILABLE_MESSAGE;
  res.set('Retry-After', String(seconds));
  answerError(
    req,
    res,
    {
      status: 503,
      code: conflict ? 'database_conflict' : 'database_unavailable',
      title: conflict ? '操作冲突' : '暂时无法访问',
      message,
      refreshSeconds: seconds,
      note: `本页将在 ${seconds} 秒后自动刷新。`,
    },
    { retryAfterSeconds: seconds },
  );
}
