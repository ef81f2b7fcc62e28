import fs from 'node:fs';
import path from 'node:path';
import { Op, QueryTypes } from 'sequelize';
import { RETENTION_DAYS } from '../../domain/retention.js';
import { DataExport, IntegrationInbox, IntegrationInboxPayload, LoginAttempt } from '../../db/models.js';
import { exportDirectory } from '../../services/export-file.js';

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

/** Export files past their 24 hours, and files no export row names (the row went with a restored database). */
export async function pruneExportFiles(now: Date): Promise<number> {
  const dir = exportDirectory();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')) : [];
  if (!files.length) return 0;
  const ids = files.map((f) => path.basename(f, '.xlsx'));
  const live = new Set(
    (
      await DataExport.findAll({
        where: { id: { [Op.in]: ids }, expiresAt: { [Op.gte]: now } },
        attributes: ['id'],
      })
    ).map((e) => e.id),
  );
  const gone = ids.filter((id) => !live.has(id));
  for (const id of gone) fs.rmSync(path.join(dir, `${id}.xlsx`), { force: true });
  return gone.length;
}

export async function pruneWhatOnlyGrows(now: Date): Promise<Pruned> {
  return {
    loginAttempts: await pruneLoginAttempts(now),
    inboxPayloads: await pruneInboxPayloads(now),
    sessions: await pruneSessions(now),
    exportFiles: await pruneExportFiles(now),
  };
}
