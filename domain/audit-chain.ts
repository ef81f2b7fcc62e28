import { createHmac } from 'node:crypto';

/**
 * The audit trail as one chain (等保 2.0 安全审计: records protected against change, insertion and deletion): each
 * row carries its place (`seq`), the hash of the row before it and its own HMAC-SM3 over both and everything it says.
 * Without the key nobody can write a row that verifies, so a row changed, inserted or deleted in the database shows
 * as a break at that place. A head row, also keyed, holds the chain's last place (a deleted tail shows) and where
 * pruning left off (the first kept row must follow the last pruned one).
 */

/** The row before the first one of a chain that was never pruned. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a row says, as the chain vouches for it: every column but the generated id. */
export interface ChainedContent {
  seq: number;
  prevHash: string;
  actorId: number | string | null;
  actorUsername: string;
  actorRole: string;
  actorRegion: string | null;
  action: string;
  resourceId: string;
  recordId: string | null;
  regionCode: string | null;
  changes: string | null;
  reason: string | null;
  ip: string | null;
  /** A Date, or the text SQLite hands back for one. */
  createdAt: Date | string;
}

export interface ChainRow extends ChainedContent {
  id: number;
  hash: string | null;
}

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
  prunedThrough: number;
  prunedLastHash: string;
  mac: string;
}

const textOf = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function instant(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  // A date changed into nonsense must fail its row's check, not stop the verification.
  return Number.isNaN(date.getTime()) ? `invalid:${String(value)}` : date.toISOString();
}

function hmacSm3(key: string | Buffer, words: readonly unknown[]): string {
  return createHmac('sm3', key).update(JSON.stringify(words), 'utf8').digest('hex');
}

/** The row's own HMAC-SM3: the same bytes whichever engine stored it (numbers as text, instants in ISO form). */
export function chainHash(key: string | Buffer, row: ChainedContent): string {
  return hmacSm3(key, [
    'jxcg-audit-row-v1',
    String(row.seq),
    row.prevHash,
    textOf(row.actorId),
    row.actorUsername,
    row.actorRole,
    textOf(row.actorRegion),
    row.action,
    row.resourceId,
    textOf(row.recordId),
    textOf(row.regionCode),
    textOf(row.changes),
    textOf(row.reason),
    textOf(row.ip),
    instant(row.createdAt),
  ]);
}

export function headMac(key: string | Buffer, head: Omit<ChainHead, 'mac'>): string {
  return hmacSm3(key, ['jxcg-audit-head-v1', String(head.lastSeq), head.lastHash, String(head.prunedThrough), head.prunedLastHash]);
}

export type ChainBreak =
  /** The row's content (and, if `hashRewritten`, its hash too) no longer matches what was chained at its place. */
  | { kind: 'changed'; id: number; seq: number; hashRewritten: boolean }
  /** A row the chain does not pass through: written into the table directly (`seq` null: without a place at all). */
  | { kind: 'inserted'; id: number; seq: number | null }
  /** Places `fromSeq`–`toSeq` are gone; `afterId` / `beforeId` are the rows around the gap (null: the chain's end). */
  | { kind: 'deleted'; fromSeq: number; toSeq: number; afterId: number | null; beforeId: number | null }
  /** A row that verifies by itself but does not follow the row before it (rows replaced by another chain's). */
  | { kind: 'relinked'; id: number; seq: number }
  | { kind: 'headChanged' }
  | { kind: 'headMissing' };

export type ChainBreakKind = ChainBreak['kind'];

export interface ChainReport {
  intact: boolean;
  /** Rows read, chained or not. */
  checkedRows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Where the kept chain starts: the place after the last pruned row (0: never pruned). */
  prunedThrough: number;
  breakCount: number;
  counts: Partial<Record<ChainBreakKind, number>>;
  /** The first `maxBreaks` breaks, in the chain's order. */
  breaks: ChainBreak[];
}

interface Link {
  seq: number;
  /** Null after a row whose hash was rewritten: whatever the next row claims to follow is taken. */
  hash: string | null;
  id: number | null;
}

/**
 * Reads a chain row by row, in the order of `seq`, and names each break. A row that fails its own check is judged by
 * the row after it: if that one follows it, the row was in the chain and has been changed; if that one follows the
 * row before it, the chain goes around it and it was inserted.
 */
export class ChainVerifier {
  private readonly breaks: ChainBreak[] = [];
  private readonly counts: Partial<Record<ChainBreakKind, number>> = {};
  private breakCount = 0;
  private checked = 0;
  private firstSeq: number | null = null;
  private lastSeq: number | null = null;
  private last: Link | null;
  private pending: ChainRow | null = null;
  private readonly head: ChainHead | null;

  constructor(
    private readonly key: string | Buffer,
    head: ChainHead | null,
    private readonly maxBreaks = 200,
  ) {
    if (!head) this.add({ kind: 'headMissing' });
    else if (headMac(key, head) !== head.mac) this.add({ kind: 'headChanged' });
    this.head = head && headMac(key, head) === head.mac ? head : null;
    this.last = this.head ? { seq: this.head.prunedThrough, hash: this.head.prunedLastHash, id: null } : null;
  }

  private add(found: ChainBreak): void {
    this.breakCount++;
    this.counts[found.kind] = (this.counts[found.kind] ?? 0) + 1;
    if (this.breaks.length < this.maxBreaks) this.breaks.push(found);
  }

  private verifies(row: ChainRow): boolean {
    return row.hash !== null && chainHash(this.key, row) === row.hash;
  }

  /** A row without a place, written past the chain. */
  unchained(row: { id: number }): void {
    this.checked++;
    this.add({ kind: 'inserted', id: row.id, seq: null });
  }

  push(row: ChainRow): void {
    this.checked++;
    this.firstSeq ??= row.seq;
    this.lastSeq = row.seq;
    // Without a head to vouch for the start, the first row's own claim is all there is.
    this.last ??= { seq: row.seq - 1, hash: row.prevHash, id: null };
    if (this.pending) this.settle(this.pending, row.prevHash);
    this.pending = null;
    if (row.seq <= this.last.seq) {
      this.add({ kind: 'inserted', id: row.id, seq: row.seq });
      return;
    }
    if (!this.verifies(row)) {
      this.pending = row;
      return;
    }
    const last = this.last;
    if (last.hash !== null && row.prevHash !== last.hash) {
      if (row.seq > last.seq + 1)
        this.add({ kind: 'deleted', fromSeq: last.seq + 1, toSeq: row.seq - 1, afterId: last.id, beforeId: row.id });
      else this.add({ kind: 'relinked', id: row.id, seq: row.seq });
    }
    this.last = { seq: row.seq, hash: row.hash, id: row.id };
  }

  /** A row that failed its own check, judged by what the next row (or the head, at the end) says it follows. */
  private settle(row: ChainRow, followedBy: string | null): void {
    const last = this.last!;
    if (followedBy !== null && followedBy !== row.hash && last.hash !== null && followedBy === last.hash) {
      this.add({ kind: 'inserted', id: row.id, seq: row.seq });
      return;
    }
    const hashRewritten = followedBy !== null && followedBy !== row.hash;
    if (last.hash !== null && row.prevHash !== last.hash && row.seq > last.seq + 1)
      this.add({ kind: 'deleted', fromSeq: last.seq + 1, toSeq: row.seq - 1, afterId: last.id, beforeId: row.id });
    this.add({ kind: 'changed', id: row.id, seq: row.seq, hashRewritten });
    this.last = { seq: row.seq, hash: hashRewritten ? null : row.hash, id: row.id };
  }

  finish(): ChainReport {
    const head = this.head;
    if (this.pending) {
      const row = this.pending;
      this.pending = null;
      if (head && row.seq > head.lastSeq) this.add({ kind: 'inserted', id: row.id, seq: row.seq });
      else this.settle(row, head && row.seq === head.lastSeq ? head.lastHash : null);
    }
    if (head) {
      const last = this.last ?? { seq: head.prunedThrough, hash: head.prunedLastHash, id: null };
      if (head.lastSeq > last.seq)
        this.add({ kind: 'deleted', fromSeq: last.seq + 1, toSeq: head.lastSeq, afterId: last.id, beforeId: null });
      // The head behind the chain, or naming another last row: it was put back from an older copy.
      else if (head.lastSeq < last.seq || (last.hash !== null && last.hash !== head.lastHash)) this.add({ kind: 'headChanged' });
    }
    return {
      intact: this.breakCount === 0,
      checkedRows: this.checked,
      firstSeq: this.firstSeq,
      lastSeq: this.lastSeq,
      prunedThrough: head?.prunedThrough ?? 0,
      breakCount: this.breakCount,
      counts: this.counts,
      breaks: this.breaks,
    };
  }
}

const places = (from: number, to: number) => (from === to ? `序号 ${from} 的记录` : `序号 ${from}–${to} 的 ${to - from + 1} 条记录`);

/** A break in the words the audit administrator reads, on the page and from `npm run audit:verify`. */
export function describeBreak(found: ChainBreak): string {
  switch (found.kind) {
    case 'changed':
      return found.hashRewritten
        ? `序号 ${found.seq}（编号 ${found.id}）的记录被改动，其校验值也被改写`
        : `序号 ${found.seq}（编号 ${found.id}）的记录被改动：内容与其校验值不符`;
    case 'inserted':
      return found.seq === null
        ? `编号 ${found.id} 的记录是直接写入数据库的：它不在链上（没有序号）`
        : `编号 ${found.id}（序号 ${found.seq}）的记录是直接写入数据库的：其校验值不符，链条不经过它`;
    case 'deleted': {
      const where =
        found.beforeId === null
          ? '（在链尾，链头记录仍记着它们）'
          : found.afterId === null
            ? `（在链首，编号 ${found.beforeId} 之前）`
            : `（在编号 ${found.afterId} 与编号 ${found.beforeId} 之间）`;
      return `${places(found.fromSeq, found.toSeq)}被删除${where}`;
    }
    case 'relinked':
      return `序号 ${found.seq}（编号 ${found.id}）的记录与前一条接不上：前面的记录被替换过`;
    case 'headChanged':
      return '链头记录被改动或被换成旧的副本：无法确认链尾是否完整';
    case 'headMissing':
      return '链头记录缺失：无法确认链首和链尾是否完整';
  }
}

export const BREAK_KIND_NAMES: Record<ChainBreakKind, string> = {
  changed: '被改动',
  inserted: '被插入',
  deleted: '被删除',
  relinked: '被替换',
  headChanged: '链头被改动',
  headMissing: '链头缺失',
};
