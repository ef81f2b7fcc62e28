import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  chainHash,
  ChainVerifier,
  describeBreak,
  GENESIS_HASH,
  headMac,
  type ChainBreak,
  type ChainHead,
  type ChainRow,
} from '../../domain/audit-chain.js';
import { SECURITY_AUDIT_ACTIONS } from '../../domain/audit-actions.js';
import { zhCN } from '../../panel/locale/zh-CN.js';

const KEY = 'k'.repeat(40);

/** A chain of `n` rows as services/audit.ts writes it, with its head. */
function chain(n: number, { prunedThrough = 0, prunedLastHash = GENESIS_HASH } = {}): { rows: ChainRow[]; head: ChainHead } {
  const rows: ChainRow[] = [];
  let prevHash = prunedLastHash;
  for (let i = 1; i <= n; i++) {
    const seq = prunedThrough + i;
    const content = {
      seq,
      prevHash,
      actorId: 2,
      actorUsername: 'nanchangxian',
      actorRole: 'county',
      actorRegion: '360121',
      action: 'approve',
      resourceId: 'ProcurementUnit',
      recordId: String(100 + i),
      regionCode: '360121',
      changes: JSON.stringify({ status: { before: 'submitted', after: 'approved' } }),
      reason: null,
      ip: '127.0.0.1',
      createdAt: new Date(Date.UTC(2026, 0, 1, 8, 0, i)),
    };
    const hash = chainHash(KEY, content);
    rows.push({ ...content, id: 1000 + seq, hash });
    prevHash = hash;
  }
  const partial = { lastSeq: prunedThrough + n, lastHash: prevHash, prunedThrough, prunedLastHash };
  return { rows, head: { ...partial, mac: headMac(KEY, partial) } };
}

function verify(rows: readonly ChainRow[], head: ChainHead | null, unchained: number[] = [], key = KEY) {
  const verifier = new ChainVerifier(key, head);
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) verifier.push(row);
  for (const id of unchained) verifier.unchained({ id });
  return verifier.finish();
}

const without = (rows: ChainRow[], ...seqs: number[]) => rows.filter((r) => !seqs.includes(r.seq));
const edited = (rows: ChainRow[], seq: number, change: Partial<ChainRow>) => rows.map((r) => (r.seq === seq ? { ...r, ...change } : r));

describe('SM3 and HMAC-SM3 on this Node', () => {
  it('SM3 gives GB/T 32905-2016 example 1 ("abc") and HMAC is keyed', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const content = chain(1).rows[0]!;
    expect(chainHash(KEY, content)).toBe(content.hash);
    expect(chainHash('another key of at least 32 characters', content)).not.toBe(content.hash);
    expect(createHmac('sm3', KEY).update('x').digest('hex')).toHaveLength(64);
  });
});

describe('the verifier names each break by its place and kind', () => {
  const { rows, head } = chain(10);

  const cases: Array<[string, ChainRow[], ChainHead | null, number[], ChainBreak[]]> = [
    ['an untouched chain', rows, head, [], []],
    ['a field changed', edited(rows, 4, { reason: '改过' }), head, [], [{ kind: 'changed', id: 1004, seq: 4, hashRewritten: false }]],
    [
      'a field changed and its hash rewritten',
      edited(rows, 4, { reason: '改过', hash: 'f'.repeat(64) }),
      head,
      [],
      [{ kind: 'changed', id: 1004, seq: 4, hashRewritten: true }],
    ],
    [
      'its time moved',
      edited(rows, 7, { createdAt: new Date(Date.UTC(2025, 0, 1)) }),
      head,
      [],
      [{ kind: 'changed', id: 1007, seq: 7, hashRewritten: false }],
    ],
    ['one row deleted', without(rows, 5), head, [], [{ kind: 'deleted', fromSeq: 5, toSeq: 5, afterId: 1004, beforeId: 1006 }]],
    ['three rows deleted', without(rows, 3, 4, 5), head, [], [{ kind: 'deleted', fromSeq: 3, toSeq: 5, afterId: 1002, beforeId: 1006 }]],
    ['the first row deleted', without(rows, 1), head, [], [{ kind: 'deleted', fromSeq: 1, toSeq: 1, afterId: null, beforeId: 1002 }]],
    ['the last two deleted', without(rows, 9, 10), head, [], [{ kind: 'deleted', fromSeq: 9, toSeq: 10, afterId: 1008, beforeId: null }]],
    ['every row deleted', [], head, [], [{ kind: 'deleted', fromSeq: 1, toSeq: 10, afterId: null, beforeId: null }]],
    ['a row inserted without a place', rows, head, [77], [{ kind: 'inserted', id: 77, seq: null }]],
    [
      'a row inserted past the head',
      [...rows, { ...rows[9]!, id: 78, seq: 11, prevHash: rows[9]!.hash!, hash: 'e'.repeat(64) }],
      head,
      [],
      [{ kind: 'inserted', id: 78, seq: 11 }],
    ],
    [
      'a row deleted and its place taken by a forged one',
      edited(rows, 6, { id: 79, reason: '伪造', hash: 'd'.repeat(64) }),
      head,
      [],
      [{ kind: 'changed', id: 79, seq: 6, hashRewritten: true }],
    ],
    ['the head changed', rows, { ...head, lastSeq: 8 }, [], [{ kind: 'headChanged' }]],
    ['the head gone', rows, null, [], [{ kind: 'headMissing' }]],
  ];

  it.each(cases)('%s', (_what, tampered, withHead, unchained, expected) => {
    const report = verify(tampered, withHead, unchained);
    expect(report.breaks).toEqual(expected);
    expect(report.intact).toBe(expected.length === 0);
    expect(report.breakCount).toBe(expected.length);
  });

  it('a forged row in the middle (the app skipped its place) is inserted, and the rows after it still verify', () => {
    // The app writes past a row someone put at the head's next place: its own row follows the head, not the forgery.
    const forged: ChainRow = { ...rows[9]!, id: 80, seq: 11, prevHash: rows[9]!.hash!, reason: '伪造', hash: 'c'.repeat(64) };
    const next = chain(12).rows[11]!; // place 12 would follow place 11 of a clean chain: rebuild it after place 10
    const after = { ...next, seq: 12, prevHash: rows[9]!.hash! };
    const appended = { ...after, hash: chainHash(KEY, after) };
    const partial = { lastSeq: 12, lastHash: appended.hash, prunedThrough: 0, prunedLastHash: GENESIS_HASH };
    const report = verify([...rows, forged, appended], { ...partial, mac: headMac(KEY, partial) });
    expect(report.breaks).toEqual([{ kind: 'inserted', id: 80, seq: 11 }]);
  });

  it('the wrong key finds every row changed: a chain proves nothing to someone without its key', () => {
    const report = verify(rows, head, [], 'w'.repeat(40));
    expect(report.counts.headChanged).toBe(1);
    expect(report.counts.changed).toBe(10);
  });

  it('a pruned chain is checked from the first kept row, which must follow the last pruned one', () => {
    const whole = chain(10);
    const kept = whole.rows.slice(4);
    const partial = { lastSeq: 10, lastHash: whole.head.lastHash, prunedThrough: 4, prunedLastHash: whole.rows[3]!.hash! };
    const pruned = { ...partial, mac: headMac(KEY, partial) };
    expect(verify(kept, pruned).breaks).toEqual([]);
    // A kept row removed at the start shows, though it is older than what the pruning removed.
    expect(verify(kept.slice(1), pruned).breaks).toEqual([{ kind: 'deleted', fromSeq: 5, toSeq: 5, afterId: null, beforeId: 1006 }]);
    // Claiming more was pruned than was needs the key.
    expect(verify(kept.slice(1), { ...pruned, prunedThrough: 5 }).breaks).toEqual([{ kind: 'headChanged' }]);
  });

  it('says each break in Chinese, naming the place and the id', () => {
    expect(describeBreak({ kind: 'changed', id: 1004, seq: 4, hashRewritten: false })).toBe(
      '序号 4（编号 1004）的记录被改动：内容与其校验值不符',
    );
    expect(describeBreak({ kind: 'deleted', fromSeq: 3, toSeq: 5, afterId: 1002, beforeId: 1006 })).toBe(
      '序号 3–5 的 3 条记录被删除（在编号 1002 与编号 1006 之间）',
    );
    expect(describeBreak({ kind: 'inserted', id: 77, seq: null })).toBe('编号 77 的记录是直接写入数据库的：它不在链上（没有序号）');
  });
});

describe('the audit vocabulary', () => {
  it('names every security action in Chinese, and the locale says the same words', () => {
    const names = Object.keys(SECURITY_AUDIT_ACTIONS);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      expect((zhCN.actions as Record<string, string>)[name]).toBe(SECURITY_AUDIT_ACTIONS[name as keyof typeof SECURITY_AUDIT_ACTIONS]);
      expect(SECURITY_AUDIT_ACTIONS[name as keyof typeof SECURITY_AUDIT_ACTIONS]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
