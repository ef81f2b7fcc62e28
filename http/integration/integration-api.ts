import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { UniqueConstraintError, type Sequelize } from 'sequelize';
import {
  INTEGRATION_KINDS,
  MAX_ITEMS_PER_BATCH,
  validateItems,
  type IntegrationKind,
  type ItemRejection,
} from '../../domain/integration-items.js';
import { verifySignedRequest, type PlatformApp } from '../../domain/integration-signature.js';
import type { JobQueue } from '../../queue/job-types.js';
import { addJob, ingestJob } from '../../queue/queued-job.js';
import { IntegrationInbox, IntegrationInboxPayload } from '../../db/models.js';
import { BATCH_AWAITING_QUEUE } from '../../db/models/integration/integration-inbox.model.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../database-unavailable.js';
import { logger } from '../../settings/logger.js';
import { batchReport } from './batch-report.js';
import { firstDuplicateKey } from './duplicate-json-keys.js';
import { integrationOpenApi } from './openapi.js';

export const INTEGRATION_API_PATH = '/api/integration/v1';
export const MAX_BODY = '10mb';

export interface IntegrationApiOptions {
  sequelize: Sequelize;
  queue: JobQueue;
  /** Each app key's secret and allowed signature methods. */
  apps: ReadonlyMap<string, PlatformApp>;
  nowSeconds?: () => number;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Counts what a batch holds and reports each bad item. The parsed items are not kept: the worker applies the stored
 * body, and thousands of items held through the inbox write would reach V8's old generation on every batch.
 */
function checkBatch(
  kind: IntegrationKind,
  body: Buffer,
  receivedAt: Date,
): { itemCount: number; accepted: number; rejected: ItemRejection[] } {
  const items = parseItems(body);
  const { valid, rejected } = validateItems(kind, items, receivedAt);
  return { itemCount: items.length, accepted: valid.length, rejected };
}

/**
 * The receiving side of the 一体化 platform: signed JSON batches are checked, stored in the inbox and answered 202
 * before any processing, so an accepted batch survives any crash after the answer.
 */
export function integrationApi(options: IntegrationApiOptions): Router {
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const router = express.Router();
  const rawBody = express.raw({ type: () => true, limit: MAX_BODY });

  router.get('/openapi.json', (_req, res) => {
    res.json(integrationOpenApi());
  });

  function authenticate(req: Request, body: Buffer): { appKey: string; signature: string } {
    const headers = {
      appKey: req.get('x-app-key'),
      timestamp: req.get('x-timestamp'),
      signature: req.get('x-signature')?.toLowerCase(),
      method: req.get('x-signature-method'),
    };
    const verdict = verifySignedRequest(headers, body, options.apps, now());
    if (!verdict.ok) throw new ApiError(verdict.status, verdict.code, verdict.message);
    return { appKey: headers.appKey!, signature: headers.signature! };
  }

  for (const kind of INTEGRATION_KINDS) {
    router.post(`/${kind}`, rawBody, async (req, res, next) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { appKey, signature } = authenticate(req, body);
        const seen = await IntegrationInbox.findOne({ where: { signature }, attributes: ['id'] });
        if (seen) throw new ApiError(409, 'duplicate_signature', '该签名已提交过（重复请求），未重复接收', { batchId: seen.id });
        // One receipt time for the check here and the worker's: both refuse the same future-dated items.
        const receivedAt = new Date();
        const { itemCount, accepted, rejected } = checkBatch(kind, body, receivedAt);
        const batchId = randomUUID();
        await storeBatch(options.sequelize, { batchId, kind, appKey, signature, body, itemCount, accepted, rejected, receivedAt });
        await addJob(options.queue, ingestJob(batchId)).catch(async (error: unknown) => {
          // The batch is stored: the inbox sweeper queues it once the queue is back, at once since it says so here.
          logger.error({ err: error, batchId }, 'ingest job not queued; the inbox sweeper will retry');
          await IntegrationInbox.update(
            { lastError: BATCH_AWAITING_QUEUE },
            { where: { id: batchId, state: 'received', attempts: 0 } },
          ).catch(() => undefined);
        });
        res.status(202).json({ batchId, accepted, rejected });
      } catch (error) {
        next(error);
      }
    });
  }

  router.get('/batches/:batchId', async (req, res, next) => {
    try {
      authenticate(req, Buffer.alloc(0));
      const batch = /^[0-9a-f-]{36}$/.test(String(req.params.batchId)) ? await IntegrationInbox.findByPk(String(req.params.batchId)) : null;
      if (!batch) throw new ApiError(404, 'batch_not_found', `批次 ${String(req.params.batchId)} 不存在`);
      res.json(batchReport(batch));
    } catch (error) {
      next(error);
    }
  });

  router.use((_req, _res, next) => next(new ApiError(404, 'not_found', '接口不存在，请参阅 /api/integration/v1/openapi.json')));

  router.use((error: Error & { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof ApiError) {
      res.status(error.status).json({ code: error.code, message: error.message, ...error.extra });
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json({ code: 'payload_too_large', message: `请求体超过 ${MAX_BODY.toUpperCase()}，请分批推送` });
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      logger.warn({ err: error.message, type: error.type, url: req.originalUrl }, 'integration request body unreadable');
      res.status(error.status).json({ code: 'bad_request', message: UNREADABLE_BODY[error.type ?? ''] ?? '请求无法读取，未接收' });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      // Nothing of this request was stored (the inbox write is one transaction): the platform sends it again later.
      logger.warn({ err: error.message, url: req.originalUrl }, 'integration request refused: database unavailable');
      res
        .status(503)
        .set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
        .json({
          code: 'database_unavailable',
          message: `数据库暂时无法连接，本批次未接收，请在 ${DATABASE_RETRY_AFTER_SECONDS} 秒后重新推送`,
          retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
        });
      return;
    }
    logger.error({ err: error, url: req.originalUrl }, 'integration request failed');
    res.status(500).json({ code: 'internal_error', message: '服务器内部错误，批次未接收，请稍后重试' });
  });
  return router;
}

function parseItems(body: Buffer): unknown[] {
  // Decoding would put U+FFFD in place of a broken byte without a word, and the stored text would differ from the sent.
  if (!isUtf8(body)) throw new ApiError(400, 'malformed_utf8', '请求体不是合法的 UTF-8 编码，未接收');
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The parser's own sentence is English and quotes the body back; only where it stopped is worth passing on.
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    throw new ApiError(400, 'malformed_json', `请求体不是合法的 JSON${position ? `（第 ${Number(position) + 1} 个字符附近）` : ''}`);
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate) {
    const where = duplicate.path ? `请求体 ${shorten(duplicate.path)} 处的对象` : '请求体顶层对象';
    throw new ApiError(
      400,
      'duplicate_key',
      `${where}中键 ${shorten(JSON.stringify(duplicate.key))} 出现了不止一次；同一对象内的键不能重复，整个请求未接收`,
    );
  }
  const items = (parsed as { items?: unknown } | null)?.items;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(items)) {
    throw new ApiError(400, 'malformed_body', '请求体应为 {"items": [...]}');
  }
  if (items.length === 0) throw new ApiError(400, 'empty_batch', 'items 不能为空');
  if (items.length > MAX_ITEMS_PER_BATCH) {
    throw new ApiError(413, 'too_many_items', `每批最多 ${MAX_ITEMS_PER_BATCH} 项，本批 ${items.length} 项，请分批推送`);
  }
  return items;
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** What the platform is told when the body could not be read: our sentence, never the parser's or the socket's. */
const UNREADABLE_BODY: Record<string, string> = {
  'request.aborted': '请求在传输中断开，未接收，请重新推送',
  'request.size.invalid': '请求体长度与 Content-Length 不符，未接收',
  'charset.unsupported': '不支持该字符集，请以 UTF-8 推送',
  'encoding.unsupported': '不支持该内容编码（Content-Encoding），请使用 gzip、deflate 或不压缩',
  'stream.encoding.set': '请求体无法读取',
};

async function storeBatch(
  sequelize: Sequelize,
  batch: {
    batchId: string;
    kind: IntegrationKind;
    appKey: string;
    signature: string;
    body: Buffer;
    itemCount: number;
    accepted: number;
    rejected: ReturnType<typeof validateItems>['rejected'];
    receivedAt: Date;
  },
): Promise<void> {
  try {
    await sequelize.transaction(async (transaction) => {
      await IntegrationInbox.create(
        {
          id: batch.batchId,
          kind: batch.kind,
          state: 'received',
          appKey: batch.appKey,
          signature: batch.signature,
          itemCount: batch.itemCount,
          acceptedCount: batch.accepted,
          rejectedCount: batch.rejected.length,
          itemErrors: batch.rejected.length ? JSON.stringify(batch.rejected) : null,
          receivedAt: batch.receivedAt,
        },
        { transaction },
      );
      await IntegrationInboxPayload.create({ batchId: batch.batchId, body: batch.body.toString('utf8') }, { transaction });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw new ApiError(409, 'duplicate_signature', '该签名已提交过（重复请求），未重复接收');
    throw error;
  }
}
