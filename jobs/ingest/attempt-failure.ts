import { randomBytes } from 'node:crypto';
import { isDatabaseUnavailable } from '../../db/database-errors.js';
import { logger } from '../../settings/logger.js';

/** A failure whose message is ours, written for the platform and the admins: it is shown as it is. */
export class IngestProblem extends Error {}

/**
 * What a failed attempt leaves behind. The batch's `lastError` is read back by the platform (GET /batches/:id) and
 * the admins, and the error the job fails with is kept by the queue and shown on its board, so both carry our own
 * sentence; a driver's or the engine's text (which names tables, columns and values) goes only to the log, under a
 * reference that the sentence quotes.
 */
export function attemptFailure(error: unknown, batchId: string, attempt: number, maxAttempts: number): { lastError: string; error: Error } {
  if (error instanceof IngestProblem) {
    return { lastError: `第 ${attempt}/${maxAttempts} 次处理失败：${error.message}`, error };
  }
  const reference = randomBytes(4).toString('hex');
  logger.error({ err: error, batchId, attempt, reference }, 'ingest attempt failed');
  const cause = isDatabaseUnavailable(error) ? '数据库暂时无法连接' : '处理时出错';
  const then = attempt < maxAttempts ? '，将自动重试' : '，已停止重试，请联系系统管理员';
  const message = `${cause}（日志编号 ${reference}）${then}`;
  return { lastError: `第 ${attempt}/${maxAttempts} 次处理失败：${message}`, error: new Error(message) };
}
