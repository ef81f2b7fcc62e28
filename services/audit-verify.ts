import { QueryTypes, Transaction, type Sequelize } from 'sequelize';
import { ChainVerifier, describeBreak, type ChainBreak, type ChainReport, type ChainRow } from '../domain/audit-chain.js';
import { readChainHead } from '../db/audit-chain-head.js';
import { auditChainKey } from '../settings/audit-chain-key.js';
import type { SecurityAuditAction } from '../domain/audit-actions.js';
import { recordAudit, type AuditActor } from './audit.js';

export interface AuditVerification extends Omit<ChainReport, 'breaks'> {
  breaks: Array<ChainBreak & { description: string }>;
  /** The head as it was read (null: missing), for the page and the command to show where the chain ends. */
  head: { lastSeq: number; lastHash: string; prunedThrough: number; prunedLastHash: string } | null;
  checkedAt: Date;
  tookMs: number;
}

type Columns = {
  id: number | string;
  seq: number | string;
  prev_hash: string | null;
  hash: string | null;
  actor_id: number | null;
  actor_username: string;
  actor_role: string;
  actor_region: string | null;
  action: string;
  resource_id: string;
  record_id: string | null;
  region_code: string | null;
  changes: string | null;
  reason: string | null;
  ip: string | null;
  created_at: Date | string;
};

const rowOf = (c: Columns): ChainRow => ({
  id: Number(c.id),
  seq: Number(c.seq),
  prevHash: c.prev_hash ?? '',
  hash: c.hash,
  actorId: c.actor_id,
  actorUsername: c.actor_username,
  actorRole: c.actor_role,
  actorRegion: c.actor_region,
  action: c.action,
  resourceId: c.resource_id,
  recordId: c.record_id,
  regionCode: c.region_code,
  changes: c.changes,
  reason: c.reason,
  ip: c.ip,
  createdAt: c.created_at,
});

const PAGE = 5000;
const COLUMNS = `id, seq, prev_hash, hash, actor_id, actor_username, actor_role, actor_region, action, resource_id, record_id, region_code,
  changes, reason, ip, created_at`;

/** Up to `limit` chained rows after place `after` (null: from the first), in the order of the chain. */
export async function readChainPage(
  sequelize: Sequelize,
  transaction: Transaction,
  after: number | null,
  limit = PAGE,
): Promise<ChainRow[]> {
  const page = await sequelize.query<Columns>(
    `SELECT ${COLUMNS} FROM audit_logs WHERE seq IS NOT NULL${after === null ? '' : ' AND seq > :after'} ORDER BY seq LIMIT ${Number(limit)}`,
    { replacements: { after }, type: QueryTypes.SELECT, transaction },
  );
  return page.map(rowOf);
}

async function countRows(sequelize: Sequelize, transaction: Transaction): Promise<number> {
  const [row] = await sequelize.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_logs', {
    type: QueryTypes.SELECT,
    transaction,
  });
  return Number(row!.n);
}

/**
 * Reads the whole trail in the order of the chain, a page at a time, in one snapshot (rows written meanwhile wait for
 * the next check, a prune meanwhile is not mistaken for a deletion), and names every break (domain/audit-chain.ts).
 * Changes nothing: it may run against a standby or a restored backup.
 */
export async function verifyAuditChain(
  sequelize: Sequelize,
  {
    key = auditChainKey(),
    maxBreaks = 200,
    onProgress,
  }: {
    key?: string;
    maxBreaks?: number;
    /** Called after each page with the rows checked so far and the rows the snapshot holds (checked at the end). */
    onProgress?: (checked: number, total: number) => Promise<void> | void;
  } = {},
): Promise<AuditVerification> {
  const started = Date.now();
  const snapshot =
    sequelize.getDialect() === 'postgres'
      ? { isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ, readOnly: true }
      : { type: Transaction.TYPES.DEFERRED };
  return sequelize.transaction(snapshot, async (transaction) => {
    const head = await readChainHead(sequelize, transaction);
    const verifier = new ChainVerifier(key, head, maxBreaks);
    // Every row of the snapshot, chained or not, is checked once: the count is where the progress ends.
    const total = onProgress ? await countRows(sequelize, transaction) : 0;
    await onProgress?.(0, total);
    let checked = 0;
    for (let after: number | null = null; ;) {
      const page = await readChainPage(sequelize, transaction, after);
      for (const row of page) verifier.push(row);
      checked += page.length;
      if (page.length) await onProgress?.(checked, total);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.seq;
    }
    for (let after = 0; ;) {
      const page = await sequelize.query<{ id: number | string }>(
        `SELECT id FROM audit_logs WHERE seq IS NULL AND id > :after ORDER BY id LIMIT ${PAGE}`,
        { replacements: { after }, type: QueryTypes.SELECT, transaction },
      );
      for (const row of page) verifier.unchained({ id: Number(row.id) });
      checked += page.length;
      if (page.length) await onProgress?.(checked, total);
      if (page.length < PAGE) break;
      after = Number(page[page.length - 1]!.id);
    }
    const report = verifier.finish();
    return {
      ...report,
      breaks: report.breaks.map((found) => ({ ...found, description: describeBreak(found) })),
      head: head && {
        lastSeq: head.lastSeq,
        lastHash: head.lastHash,
        prunedThrough: head.prunedThrough,
        prunedLastHash: head.prunedLastHash,
      },
      checkedAt: new Date(started),
      tookMs: Date.now() - started,
    };
  });
}

/** The outcome in one line, as the page's heading and the command's first line say it. */
export function verificationSummary(result: AuditVerification): string {
  const range = result.firstSeq === null ? '链上没有记录' : `序号 ${result.firstSeq}–${result.lastSeq}`;
  const pruned = result.prunedThrough > 0 ? `，序号 ${result.prunedThrough} 及之前已按保存期限清理` : '';
  return result.intact
    ? `操作日志完整：校验 ${result.checkedRows} 条（${range}${pruned}），未发现改动、插入或删除`
    : `发现 ${result.breakCount} 处问题：校验 ${result.checkedRows} 条（${range}${pruned}）`;
}

/**
 * A check recorded in the trail as its asker's action (the system's: the nightly check), with what it found, so the
 * trail says who checked it when and what they were shown.
 */
export async function recordAuditCheck(
  user: AuditActor | null,
  result: AuditVerification,
  { checkId, transaction }: { checkId?: string; transaction?: Transaction } = {},
): Promise<void> {
  await recordAudit(
    {
      user,
      action: 'auditChainVerified' satisfies SecurityAuditAction,
      resourceId: 'AuditLog',
      recordId: checkId ?? null,
      changes: {
        checkedRows: { before: null, after: result.checkedRows },
        breakCount: { before: null, after: result.breakCount },
      },
      reason: verificationSummary(result),
    },
    transaction,
  );
}
