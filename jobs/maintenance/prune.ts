import { literal, Op, QueryTypes } from 'sequelize';
import { RETENTION_DAYS } from '../../domain/retention.js';
import { DataExport, ExportFileChunk, IntegrationInbox, IntegrationInboxPayload, LoginAttempt } from '../../db/models.js';

const DAY_MS = 24 * 3600_000;

export interface Pruned {
  loginAttempts: number;
  inboxPayloads: number;
  sessions: number;
  exportFiles: number;
}

export async function pruneLoginAttempts(now: Date): Promise<number> {
  return LoginAttempt.destroy({ where: { createdAt: { [Op.lt]: new Date(now.getTime() - RETENTION_DAYS.loginAttempts * DAY_MS) } } });
}

/** Bodies of batches applied more than the retention ago; failed ones keep theirs until someone has looked. */
export async function pruneInboxPayloads(now: Date): Promise<number> {
  const old = await IntegrationInbox.findAll({
    where: { state: 'done', finishedAt: { [Op.lt]: new Date(now.getTime() - RETENTION_DAYS.inboxPayloads * DAY_MS) } },
    attributes: ['id'],
    limit: 5000,
  });
  if (!old.length) return 0;
  return IntegrationInboxPayload.destroy({ where: { batchId: { [Op.in]: old.map((b) => b.id) } } });
}

/** Sessions past their end: the store removes them too, but only on a web instance that is running. */
export async function pruneSessions(now: Date): Promise<number> {
  const sequelize = LoginAttempt.sequelize!;
  // Replacements, not bind: the dialect writes the date as it stores dates (SQLite compares them as text).
  const removed: unknown = await sequelize.query('DELETE FROM "Sessions" WHERE expires < :now', {
    replacements: { now },
    type: QueryTypes.BULKDELETE,
  });
  return Number(removed) || 0;
}

/** Exports whose chunks one statement removes: a large export is about a hundred chunks of 1 MiB. */
const EXPORTS_PER_ROUND = 20;
/** Rounds per maintenance run, so one run of the minute's job stays short; the next run goes on. */
const EXPORT_ROUNDS = 50;

/**
 * Export files past their 24 hours: their chunks go, a few exports at a time, and the export is marked 已过期. A failed
 * export keeps its state; only chunks a dying run left under it are removed.
 */
export async function pruneExportFiles(now: Date): Promise<number> {
  let pruned = 0;
  for (let round = 0; round < EXPORT_ROUNDS; round++) {
    const due = await DataExport.findAll({
      where: {
        expiresAt: { [Op.lt]: now },
        [Op.or]: [
          { state: { [Op.in]: ['queued', 'running', 'done'] } },
          { state: 'failed', id: { [Op.in]: literal('(SELECT export_id FROM export_file_chunks)') } },
        ],
      },
      attributes: ['id', 'state'],
      order: [['expiresAt', 'ASC']],
      limit: EXPORTS_PER_ROUND,
    });
    if (!due.length) break;
    const ids = due.map((e) => e.id);
    await ExportFileChunk.destroy({ where: { exportId: { [Op.in]: ids } } });
    // Chunks first: an export marked expired never has a chunk left behind if this run stops in between.
    await DataExport.update({ state: 'expired' }, { where: { id: { [Op.in]: ids }, state: { [Op.ne]: 'failed' } } });
    pruned += due.length;
    if (due.length < EXPORTS_PER_ROUND) break;
  }
  return pruned;
}

export async function pruneWhatOnlyGrows(now: Date): Promise<Pruned> {
  return {
    loginAttempts: await pruneLoginAttempts(now),
    inboxPayloads: await pruneInboxPayloads(now),
    sessions: await pruneSessions(now),
    exportFiles: await pruneExportFiles(now),
  };
}
