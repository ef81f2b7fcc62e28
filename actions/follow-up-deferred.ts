/**
 * A decision's follow-up that could not run now (the job queue is away) but is recorded and goes out by itself
 * later: the supervisor is told so, and is not asked to act again.
 */
export class FollowUpDeferred extends Error {}

/** How a committed decision whose follow-up failed is reported: deferred work says when it runs, a failure asks for a retry. */
export function followUpNote(error: unknown): string {
  return error instanceof FollowUpDeferred ? error.message : `但后续任务未能加入队列：${(error as Error).message}，请稍后重试`;
}
