import type { Transaction } from 'sequelize';
import { chunksOf } from '../domain/chunks.js';
import { chainHash } from '../domain/audit-chain.js';
import { AuditLog } from '../db/models.js';
import { lockChainHead, writeChainHead } from '../db/audit-chain-head.js';
import { auditChainKey } from '../settings/audit-chain-key.js';
import { currentClientAddress } from './client-address.js';

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

/** Who acted: a signed-in user, or (a failed login) the account named, which may not exist; null for the system. */
export interface AuditActor {
  id: number | null;
  username: string;
  role: string;
  regionCode: string | null;
}

export interface AuditEntry {
  user: AuditActor | null;
  action: string;
  resourceId: string;
  recordId?: string | number | null;
  regionCode?: string | null;
  changes?: FieldChanges | null;
  reason?: string | null;
  /** When it happened, if not now: the demo's history is written by the same code at its own dates. */
  at?: Date;
  /** Where from, if not the address of the request being handled (services/client-address.ts). */
  ip?: string | null;
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
    ip: entry.ip === undefined ? currentClientAddress() : entry.ip,
    // Set here, not by Sequelize at insert: the chain's hash covers exactly the instant that is stored.
    createdAt: entry.at ?? new Date(),
  };
}

export async function recordAudit(entry: AuditEntry, transaction?: Transaction): Promise<void> {
  await recordAudits([entry], transaction);
}

const AUDIT_ROWS_PER_INSERT = 1000;

type AuditRow = ReturnType<typeof auditRow>;

/**
 * Appends rows to the chain (domain/audit-chain.ts) in `transaction`: the head is locked, each row gets the next place
 * and its HMAC-SM3 over the row before, and the head moves on. The lock is held until the transaction ends.
 */
async function appendToChain(rows: readonly AuditRow[], transaction: Transaction): Promise<void> {
  const sequelize = AuditLog.sequelize!;
  const key = auditChainKey();
  const head = await lockChainHead(sequelize, transaction);
  let seq = Math.max(head.lastSeq, head.maxSeq);
  let prevHash = head.lastHash;
  const chained = rows.map((row) => {
    seq += 1;
    const link = { ...row, seq, prevHash };
    prevHash = chainHash(key, link);
    return { ...link, hash: prevHash };
  });
  for (const chunk of chunksOf(chained, AUDIT_ROWS_PER_INSERT)) await AuditLog.bulkCreate(chunk, { transaction });
  const moved = { lastSeq: seq, lastHash: prevHash, prunedThrough: head.prunedThrough, prunedLastHash: head.prunedLastHash };
  await writeChainHead(sequelize, transaction, moved, key);
}

/**
 * Appends that come without a transaction (a login, a download, an edit's audit after its write), one transaction at
 * a time per process and all that waited in one: a group commit. The head's lock is held once for the group instead
 * of once per row (eight writers at once on PostgreSQL, on a loaded two-core machine: 121 appends a second each in its
 * own transaction, 420 in groups), and on SQLite a crowd of transactions waiting in the busy handler no longer holds
 * every libuv thread, the committing one's too (db/database.ts): they wait as promises. If a group fails, each of its
 * appends is tried alone, so one bad row fails only its own caller.
 */
let waiting: Array<{ rows: readonly AuditRow[]; settle: (error?: unknown) => void }> = [];
let draining = false;

async function drainAppends(): Promise<void> {
  draining = true;
  while (waiting.length) {
    const group = waiting;
    waiting = [];
    const sequelize = AuditLog.sequelize!;
    try {
      await sequelize.transaction((t) =>
        appendToChain(
          group.flatMap((g) => g.rows),
          t,
        ),
      );
      for (const g of group) g.settle();
    } catch (error) {
      if (group.length === 1) group[0]!.settle(error);
      else
        for (const g of group)
          await sequelize
            .transaction((t) => appendToChain(g.rows, t))
            .then(
              () => g.settle(),
              (alone: unknown) => g.settle(alone),
            );
    }
  }
  draining = false;
}

function appendInTurn(rows: readonly AuditRow[]): Promise<void> {
  return new Promise((resolve, reject) => {
    waiting.push({ rows, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    if (!draining) void drainAppends();
  });
}

/**
 * Appends the entries to the chain inside `transaction`, or a transaction of their own. The chain's head stays locked
 * until the caller's transaction ends, so callers write their audit rows last. One multi-row insert per thousand
 * entries: a bulk decision of ten thousand records is ten statements, not 10,000.
 */
export async function recordAudits(entries: readonly AuditEntry[], transaction?: Transaction): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map(auditRow);
  if (transaction) await appendToChain(rows, transaction);
  else await appendInTurn(rows);
}
