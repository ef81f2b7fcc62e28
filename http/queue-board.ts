import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import { BullmqJobQueue } from '../queue/bullmq-queue.js';
import type { JobQueue } from '../queue/job-types.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { recordAudit } from '../services/audit.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** What the audit trail names the board's queues as (panel/code-words.ts gives it its words). */
export const QUEUE_RECORD_TYPE = 'JobQueue';
export const QUEUE_ACTION = 'operateQueue';

const sessionUser = (req: Request): SessionUser | undefined =>
  (req.session as unknown as { adminUser?: SessionUser } | undefined)?.adminUser;

/**
 * Whatever the administrator does on the board (retry, promote, clean, pause a queue …) is written to the audit trail
 * before it is done, with the request that did it; looking is not. Nothing is done that could not be recorded.
 */
async function auditedChanges(req: Request, res: Response, next: NextFunction): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  // bull-board's API: /api/queues/<queue>/<operation>…, or /api/queues/<operation> for every queue.
  const [, named, operation] = /^\/api\/queues\/([^/]+)(\/.+)?$/.exec(req.path) ?? [];
  const queue = operation ? named : undefined;
  try {
    await recordAudit({
      user: sessionUser(req)!,
      action: QUEUE_ACTION,
      resourceId: QUEUE_RECORD_TYPE,
      recordId: queue ? queue.slice(0, 50) : null,
      reason: `${req.method} ${req.originalUrl}`.slice(0, 500),
    });
  } catch (error) {
    next(error);
    return;
  }
  next();
}

/** bull-board for administrators only; with the inline driver there is no queue to show, and the page says so. */
export async function mountQueueBoard(app: Express, queue: JobQueue): Promise<void> {
  const adminsOnly = (req: Request, res: Response, next: NextFunction): void => {
    const user = sessionUser(req);
    if (!user) {
      res.redirect('/admin/login');
      return;
    }
    if (user.role !== 'admin') {
      res.status(403).type('text/plain; charset=utf-8').send('只有系统管理员可以查看任务队列');
      return;
    }
    next();
  };
  if (!(queue instanceof BullmqJobQueue)) {
    app.get(QUEUE_BOARD_PATH, adminsOnly, (_req, res) => {
      res.type('text/plain; charset=utf-8').send('当前未连接 Redis，任务在 Web 进程内执行，没有可查看的队列。');
    });
    return;
  }
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queue.boardQueues().map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: '任务队列' } },
  });
  app.use(QUEUE_BOARD_PATH, adminsOnly, auditedChanges, serverAdapter.getRouter());
}
