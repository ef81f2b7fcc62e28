import type { Transaction } from 'sequelize';
import { chunksOf } from '../domain/chunks.js';
import { AuditLog } from '../db/models.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

const HIDDEN_FIELDS = new Set(['passwordHash', 'password', 'updatedAt', 'version']);

/** Only fields whose value really changed, secrets left out: the log must never become a password store. */
export function diffParams(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (HIDDEN_FIELDS.has(key)) continue;
    const a = before[key] instanceof Date ? (before[key] as Date).toISOString() : (before[key] ?? null);
    const b = after[key] instanceof Date ? (after[key] as Date).toISOString() : (after[key] ?? null);
    if (String(a) !== String(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}

export interface AuditEntry {
  user: Pick<SessionUser, 'id' | 'username' | 'role' | 'regionCode'> | null;
  action: string;
  resourceId: string;
  recordId?: string | number | null;
  regionCode?: string | null;
  changes?: FieldChanges | null;
  reason?: string | null;
  /** When it happened, if not now: the demo's history is written by the same code at its own dates. */
  at?: Date;
}

function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.user?.id ?? null,
    actorUsername: entry.user?.username ?? 'system',
    actorRole: entry.user?.role ?? 'system',
    actorRegion: entry.user?.regionCode ?? null,
    action: entry.action,
    resourceId: entry.resourceId,
    recordId: entry.recordId == null ? null : String(entry.recordId),
    regionCode: entry.regionCode ?? null,
    changes: entry.changes && Object.keys(entry.changes).length ? JSON.stringify(entry.changes) : null,
    reason: entry.reason ?? null,
    ...(entry.at && { createdAt: entry.at }),
  };
}

export async function recordAudit(entry: AuditEntry, transaction?: Transaction): Promise<AuditLog> {
  return AuditLog.create(auditRow(entry), { transaction });
}

const AUDIT_ROWS_PER_INSERT = 1000;

/** One multi-row insert per thousand entries: a bulk decision of ten thousand records is ten statements, not 10,000. */
export async function recordAudits(entries: readonly AuditEntry[], transaction?: Transaction): Promise<void> {
  for (const chunk of chunksOf(entries, AUDIT_ROWS_PER_INSERT)) await AuditLog.bulkCreate(chunk.map(auditRow), { transaction });
}
