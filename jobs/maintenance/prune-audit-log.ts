import { chainHash, type ChainRow } from '../../domain/audit-chain.js';
import { AUDIT_FLOOR_DAYS, RETENTION_DAYS } from '../../domain/retention.js';
import { AuditLog } from '../../db/models.js';
import { lockChainHead, writeChainHead } from '../../db/audit-chain-head.js';
import { recordAudit } from '../../services/audit.js';
import { readChainPage } from '../../services/audit-verify.js';
import { auditChainKey } from '../../settings/audit-chain-key.js';
import { logger } from '../../settings/logger.js';

const DAY_MS = 24 * 3600_000;
/** Rows one transaction removes: the chain's writers wait for its head lock meanwhile, so it stays short. */
const ROWS_PER_ROUND = 5000;
/** Rounds per run; a backlog (the first run on an old trail) goes on the next day. */
const ROUNDS = 40;

export interface AuditPruned {
  /** Rows removed by this run. */
  auditRowsPruned: number;
  /** The place where a row that does not verify stopped the pruning (it and what follows are kept as evidence). */
  auditPruneHeldAt: number | null;
}

/**
 * Removes audit rows past their retention (RETENTION_DAYS.auditLogs, at least six months: 网络安全法 第二十一条) from the
 * start of the chain, a round at a time. Each round removes only the oldest rows that still verify and follow one
 * another, moves the head's start to the last one removed (whose hash the first kept row names as its predecessor,
 * so the chain stays checkable from there) and records itself as the next row of the chain: the places removed and
 * the last removed hash. A row that does not verify is evidence: pruning stops before it, however old it is.
 */
export async function pruneAuditLog(now: Date): Promise<AuditPruned> {
  const sequelize = AuditLog.sequelize!;
  const key = auditChainKey();
  const before = new Date(now.getTime() - RETENTION_DAYS.auditLogs * DAY_MS);
  let pruned = 0;
  let heldAt: number | null = null;
  for (let round = 0; round < ROUNDS && heldAt === null; round++) {
    const removed = await sequelize.transaction(async (transaction) => {
      const head = await lockChainHead(sequelize, transaction);
      const rows = await readChainPage(sequelize, transaction, head.prunedThrough, ROWS_PER_ROUND);
      const due: ChainRow[] = [];
      let follows = head.prunedLastHash;
      for (const row of rows) {
        if (new Date(row.createdAt).getTime() >= before.getTime()) break;
        if (row.hash === null || row.prevHash !== follows || chainHash(key, row) !== row.hash) {
          heldAt = row.seq;
          break;
        }
        due.push(row);
        follows = row.hash;
      }
      if (!due.length) return 0;
      const first = due[0]!;
      const last = due[due.length - 1]!;
      await sequelize.query('DELETE FROM audit_logs WHERE seq > :from AND seq <= :through', {
        replacements: { from: head.prunedThrough, through: last.seq },
        transaction,
      });
      await writeChainHead(
        sequelize,
        transaction,
        { lastSeq: head.lastSeq, lastHash: head.lastHash, prunedThrough: last.seq, prunedLastHash: last.hash! },
        key,
      );
      await recordAudit(
        {
          user: null,
          action: 'auditPruned',
          resourceId: 'AuditLog',
          changes: {
            prunedFrom: { before: null, after: first.seq },
            prunedThrough: { before: null, after: last.seq },
            prunedRows: { before: null, after: due.length },
            lastPrunedHash: { before: null, after: last.hash },
            prunedBefore: { before: null, after: before.toISOString() },
          },
          reason: `保存期限 ${RETENTION_DAYS.auditLogs} 天（网络安全法第二十一条：网络日志留存不少于六个月；数据库拒绝删除未满 ${AUDIT_FLOOR_DAYS} 天的记录）`,
        },
        transaction,
      );
      return due.length;
    });
    pruned += removed;
    if (removed < ROWS_PER_ROUND) break;
  }
  if (heldAt !== null)
    logger.error({ seq: heldAt }, 'audit pruning held: a row past its retention does not verify; run npm run audit:verify');
  return { auditRowsPruned: pruned, auditPruneHeldAt: heldAt };
}
