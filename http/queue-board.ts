import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import { BullmqJobQueue } from '../queue/bullmq-queue.js';
import type { JobQueue } from '../queue/job-types.js';
import { QUEUES } from '../queue/queue-names.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** bull-board for administrators only; with the inline driver there is no queue to show, and the page says so. */
export async function mountQueueBoard(app: Express, queue: JobQueue): Promise<void> {
  const adminsOnly = (req: Request, res: Response, next: NextFunction): void => {
    const user = (req.session as unknown as { adminUser?: SessionUser } | undefined)?.adminUser;
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
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(queue.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: '任务队列' } },
  });
  app.use(QUEUE_BOARD_PATH, adminsOnly, serverAdapter.getRouter());
}
