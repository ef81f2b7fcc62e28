import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Express, Request, Response } from 'express';
import { exportFileChunks, ExportFileGoneError } from '../services/export-file.js';
import { logger } from '../settings/logger.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { DataExport } from '../db/models/system/data-export.model.js';
import { recordAudit } from '../services/audit.js';

export const EXPORT_PATH = '/admin/exports';

/**
 * Whose export this is: the user who asked for it, and nobody else, not even an administrator (an audit
 * administrator's export of the audit trail is not the system administrator's to read). Anyone else learns nothing
 * about it.
 */
async function ownExport(req: Request, res: Response): Promise<{ job: DataExport; user: SessionUser } | null> {
  const user = (req.session as unknown as { adminUser?: SessionUser } | undefined)?.adminUser;
  if (!user) {
    res.status(401).json({ code: 'unauthenticated', message: '请先登录' });
    return null;
  }
  const job = await DataExport.findByPk(String(req.params.id));
  if (!job || job.userId !== user.id) {
    res.status(404).json({ code: 'not_found', message: '导出任务不存在，或不是您发起的' });
    return null;
  }
  return { job, user };
}

/** Progress for the panel (N / M rows) and the file once it is written; files expire after 24 h. */
export function mountExportRoutes(app: Express): void {
  app.get(`${EXPORT_PATH}/:id`, async (req, res) => {
    const { job } = (await ownExport(req, res)) ?? {};
    if (!job) return;
    const expired = job.expiresAt.getTime() < Date.now();
    res.json({
      id: job.id,
      state: expired ? 'expired' : job.state,
      done: job.done,
      total: job.total,
      error: job.error,
      fileName: job.fileName,
      downloadUrl: job.state === 'done' && !expired ? `${EXPORT_PATH}/${job.id}/download` : null,
    });
  });
  app.get(`${EXPORT_PATH}/:id/download`, async (req, res) => {
    const { job, user } = (await ownExport(req, res)) ?? {};
    if (!job || !user) return;
    const gone = () => res.status(410).json({ code: 'gone', message: '导出文件尚未生成或已超过 24 小时被清理，请重新导出' });
    // chunkCount is null for a file an earlier release wrote to its worker's disk: no instance can serve it now.
    if (job.state !== 'done' || job.expiresAt.getTime() < Date.now() || job.chunkCount === null) {
      gone();
      return;
    }
    const chunks = exportFileChunks(job);
    // The first chunk is read before answering, so a file pruned just now is a 410, not an empty download.
    let first: IteratorResult<Buffer>;
    try {
      first = await chunks.next();
    } catch (error) {
      if (!(error instanceof ExportFileGoneError)) throw error;
      gone();
      return;
    }
    if (first.done) {
      gone();
      return;
    }
    // Recorded before a byte leaves: a file whose hand-out cannot be recorded is not handed out.
    const fileName = job.fileName ?? `${job.id}.xlsx`;
    await recordAudit({
      user,
      action: 'exportDownloaded',
      resourceId: job.resourceId,
      recordId: job.id,
      regionCode: job.userRegion,
      changes: {
        fileName: { before: null, after: fileName },
        ...(job.userId !== user.id && { askedBy: { before: null, after: job.username } }),
      },
    });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    if (job.byteSize !== null) res.setHeader('Content-Length', String(job.byteSize));
    async function* whole(): AsyncGenerator<Buffer> {
      yield first.value as Buffer;
      yield* chunks;
    }
    // From the database chunk by chunk, as fast as the client reads; a chunk that vanished mid-way cuts the answer
    // short, and the client sees an incomplete download rather than a corrupt file.
    await pipeline(Readable.from(whole()), res).catch((error: unknown) => {
      if (!res.writableEnded) logger.warn({ err: error, exportId: job.id }, 'export download cut short');
    });
  });
}
