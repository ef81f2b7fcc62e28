import { randomUUID } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { AuditVerification } from '../db/models/system/audit-verification.model.js';
import { serializedTransaction } from '../db/serialized-transaction.js';
import { verificationSummary, type AuditVerification as Verification } from './audit-verify.js';
import type { AuditActor } from './audit.js';

/**
 * The checks of the audit trail's chain as rows (migrations/0021): asked for, taken by a worker, followed page by
 * page, finished with what they found. A check asked for while another is still under way is that one.
 */

/** A check queued or running for longer than this is taken for lost (its worker died): it no longer holds others back. */
export const LIVE_CHECK_MS = 3600_000;

/** Who the nightly check is in the row and on the page: nobody asked for it. */
export const SYSTEM_ASKER = 'system';

/** What the page reads of a check that could not finish; the driver's words are in the log only. */
export const CHECK_FAILED = '校验未能完成：系统处理出错，请稍后重新校验；如持续出现请联系系统管理员';
export const ASKER_GONE = '发起校验的账号已停用或已不是审计管理员，校验未执行；如仍需要，请重新发起';

/** What a finished check stored, as the page shows it: the breaks (the first 200) with their description and kind. */
export type CheckResult =
  | ({ summary: string } & Pick<
      Verification,
      'intact' | 'checkedRows' | 'breaks' | 'breakCount' | 'counts' | 'head' | 'firstSeq' | 'lastSeq' | 'prunedThrough' | 'tookMs'
    >)
  | { error: string };

export interface CheckView {
  id: string;
  state: AuditVerification['state'];
  /** The username of the audit administrator who asked; null for the nightly check. */
  askedBy: string | null;
  checkedRows: number;
  totalRows: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  result: CheckResult | null;
}

export function checkView(row: AuditVerification): CheckView {
  return {
    id: row.id,
    state: row.state,
    askedBy: row.askedById === null ? null : row.askedByUsername,
    checkedRows: row.checkedRows,
    totalRows: row.totalRows,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    result: row.result === null ? null : (JSON.parse(row.result) as CheckResult),
  };
}

export function resultOf(found: Verification): CheckResult {
  return {
    summary: verificationSummary(found),
    intact: found.intact,
    checkedRows: found.checkedRows,
    breaks: found.breaks,
    breakCount: found.breakCount,
    counts: found.counts,
    head: found.head,
    firstSeq: found.firstSeq,
    lastSeq: found.lastSeq,
    prunedThrough: found.prunedThrough,
    tookMs: found.tookMs,
  };
}

const UNFINISHED = ['queued', 'running'] as const;

/** The check of `askedById` (null: the system's, undefined: anyone's) still under way, if any. */
async function liveCheck(now: Date, askedById?: number | null, transaction?: Transaction): Promise<AuditVerification | null> {
  return AuditVerification.findOne({
    where: {
      state: { [Op.in]: [...UNFINISHED] },
      createdAt: { [Op.gte]: new Date(now.getTime() - LIVE_CHECK_MS) },
      ...(askedById !== undefined && { askedById }),
    },
    order: [['createdAt', 'DESC']],
    transaction,
  });
}

export function checkUnderWay(now = new Date()): Promise<AuditVerification | null> {
  return liveCheck(now);
}

export function checkById(id: string): Promise<AuditVerification | null> {
  return AuditVerification.findByPk(id);
}

export function lastFinishedCheck(): Promise<AuditVerification | null> {
  return AuditVerification.findOne({
    where: { state: { [Op.in]: ['done', 'failed'] } },
    order: [
      ['finishedAt', 'DESC'],
      ['createdAt', 'DESC'],
    ],
  });
}

// The checks' own lock (5: link-units.ts holds 4), so two audit administrators clicking at once start one check.
const CHECK_LOCK = 5;

/**
 * A check asked for by `asker` (null: the nightly check): the one under way if there is one (the nightly check takes
 * over only its own, from an earlier attempt of the same run), otherwise a new queued row. `created` says which.
 */
export async function askForCheck(asker: AuditActor | null, now = new Date()): Promise<{ check: AuditVerification; created: boolean }> {
  const sequelize = AuditVerification.sequelize!;
  return serializedTransaction(sequelize, CHECK_LOCK, async (transaction) => {
    // Checks whose worker died: said so, rather than left for ever 校验中.
    await AuditVerification.update(
      { state: 'failed', result: JSON.stringify({ error: CHECK_FAILED } satisfies CheckResult), finishedAt: now },
      { where: { state: { [Op.in]: [...UNFINISHED] }, createdAt: { [Op.lt]: new Date(now.getTime() - LIVE_CHECK_MS) } }, transaction },
    );
    const live = await liveCheck(now, asker ? undefined : null, transaction);
    if (live) return { check: live, created: false };
    const check = await AuditVerification.create(
      {
        id: randomUUID(),
        askedById: asker?.id ?? null,
        askedByUsername: asker?.username ?? SYSTEM_ASKER,
        state: 'queued',
      },
      { transaction },
    );
    return { check, created: true };
  });
}

/**
 * Takes a check for this run: queued, or running (an earlier attempt that failed or whose worker stalled), and
 * returns it; null when it has finished meanwhile.
 */
export async function beginCheck(id: string): Promise<AuditVerification | null> {
  const [taken] = await AuditVerification.update(
    { state: 'running', startedAt: new Date(), checkedRows: 0 },
    { where: { id, state: { [Op.in]: [...UNFINISHED] } } },
  );
  return taken ? AuditVerification.findByPk(id) : null;
}

export async function recordCheckProgress(id: string, checkedRows: number, totalRows: number): Promise<void> {
  await AuditVerification.update({ checkedRows, totalRows }, { where: { id, state: 'running' } });
}

export async function finishCheck(id: string, found: Verification, transaction?: Transaction): Promise<void> {
  await AuditVerification.update(
    {
      state: 'done',
      checkedRows: found.checkedRows,
      totalRows: found.checkedRows,
      result: JSON.stringify(resultOf(found)),
      finishedAt: new Date(),
    },
    { where: { id, state: { [Op.in]: [...UNFINISHED] } }, transaction },
  );
}

/** A check that will not finish, with the sentence the page shows (never the driver's message). */
export async function failCheck(id: string, error: string = CHECK_FAILED): Promise<void> {
  await AuditVerification.update(
    { state: 'failed', result: JSON.stringify({ error } satisfies CheckResult), finishedAt: new Date() },
    { where: { id, state: { [Op.in]: [...UNFINISHED] } } },
  );
}
