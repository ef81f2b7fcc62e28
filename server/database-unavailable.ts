import type { Request, Response } from 'express';
import { ConnectionError, DatabaseError } from 'sequelize';
import { PRODUCT_NAME } from './admin.js';
import { zhCN } from './locale/zh-CN.js';

/** Seconds a client is told to wait before trying again while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;

export const DATABASE_UNAVAILABLE_MESSAGE = zhCN.messages.databaseUnavailable;

// A connection cut in the middle of a query reaches us as a query error carrying the driver's socket message.
const LOST_CONNECTION = /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|timeout expired|Client has encountered a connection error|connection is closed/i;

/**
 * Whether an error means "the database cannot be reached" rather than "this request is wrong": the answer is then
 * a 503 the client can retry, never a 500 or a misleading "wrong password".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionError) return true;
  const message = (e: unknown) => (e instanceof Error ? e.message : '');
  if (error instanceof DatabaseError) return LOST_CONNECTION.test(message(error.parent)) || LOST_CONNECTION.test(message(error));
  return error instanceof Error && LOST_CONNECTION.test(message(error));
}

/**
 * The answer while the database is away: 503 with Retry-After, as a page for a person at the browser and as JSON
 * for the panel's own API calls. The page loads nothing, so it shows even when every other request would fail.
 */
export function answerDatabaseUnavailable(req: Request, res: Response): void {
  res.status(503).set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  if (req.accepts(['json', 'html']) === 'html') {
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}">
<title>${PRODUCT_NAME}</title><style>body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:15vh auto;max-width:36em;color:#1c1c38}h1{font-size:1.3em}</style></head>
<body><h1>${PRODUCT_NAME}</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p><p>本页将在 ${DATABASE_RETRY_AFTER_SECONDS} 秒后自动刷新。</p></body></html>`);
    return;
  }
  res.json({ code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
}
