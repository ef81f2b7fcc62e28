import { Op, type Transaction } from 'sequelize';
import { recordAudits } from '../../services/audit.js';
import { regionNameOf } from '../../services/office-names.js';
import { chunksOf } from '../../domain/chunks.js';
import { canAct } from '../../domain/jurisdiction.js';
import { acceptancesOf, filingEligibility, refreshPushVerdicts } from '../../services/filings/filing-eligibility.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { ContractFiling, IntegrationBudget, PaymentMiddleRecord } from '../../db/models.js';
import { updateInGroups } from '../../db/update-in-groups.js';
import { z } from 'zod';
import { logger } from '../../settings/logger.js';
import { currentActor, formerActor } from '../job-actor.js';
import type { JobContext } from '../../queue/job-types.js';
import { dispatch } from '../../queue/job-dispatch.js';
import { riskEvaluationJob } from '../../queue/queued-job.js';
import { RULES_READING } from '../../services/risk/rule-inputs.js';

const queuedFiling = z.object({ filingId: z.number().int().positive(), version: z.number().int() });
/** Who asked: their id only. Earlier versions queued the whole session user; of that too only the id is read. */
const askedBy = z.union([
  z.object({ userId: z.number().int().positive() }).transform((data) => data.userId),
  z.object({ user: z.object({ id: z.number().int().positive() }) }).transform((data) => data.user.id),
]);
const pushFilingsData = z.object({ filings: z.array(queuedFiling).min(1).max(1000) });

export type QueuedFiling = z.infer<typeof queuedFiling>;
export interface PushFilingsData {
  filings: QueuedFiling[];
  userId: number;
}
/** The one-filing form, as queued by the record action and the sweeper. */
export interface PushFilingData extends QueuedFiling {
  userId: number;
}

function parsed<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`推送任务的数据格式有误，未执行：${result.error.issues[0]?.path.join('.') || '（根）'}`);
  return result.data;
}

export interface PushOutcome {
  pushed: number;
  refused: number;
  stale: number;
}

type Settlement = { pushed: true } | { pushed: false; error: string };

/** The time a push happens at: now for a job; the demo pushes its history at the dates it shows. */
export type Clock = () => Date;
const wallClock: Clock = () => new Date();

/**
 * Settles queued filings in one transaction: the ones still queued at the version pushed are locked, changed by
 * one statement per outcome and audited in one insert. A filing moved on meanwhile (returned, pushed by a retry)
 * is left as it is.
 */
async function settle(
  filings: ContractFiling[],
  user: SessionUser,
  outcome: (f: ContractFiling) => Settlement,
  clock: Clock,
): Promise<void> {
  if (!filings.length) return;
  const sequelize = ContractFiling.sequelize!;
  await sequelize.transaction(async (transaction) => {
    const still = await stillQueued(filings, transaction);
    const now = clock();
    await updateInGroups(
      ContractFiling,
      still.map((filing) => {
        const settled = outcome(filing);
        return {
          id: filing.id,
          changes: settled.pushed
            ? { pushStatus: 'pushed', pushedAt: now, lastPushError: null }
            : { pushStatus: 'failed', lastPushError: settled.error },
        };
      }),
      { where: { pushStatus: 'queued' }, transaction },
    );
    await recordAudits(
      still.map((filing) => {
        const settled = outcome(filing);
        return {
          user,
          action: settled.pushed ? 'pushCompleted' : 'pushFailed',
          resourceId: 'ContractFiling',
          recordId: String(filing.id),
          regionCode: filing.regionCode,
          reason: settled.pushed ? null : settled.error,
          changes: { pushStatus: { before: 'queued', after: settled.pushed ? 'pushed' : 'failed' } },
          at: now,
        };
      }),
      transaction,
    );
    if (still.length) await refreshPushVerdicts({ id: still.map((f) => f.id) }, transaction);
  });
}

/** The filings of `filings` that are still queued at the same version, locked until the transaction ends. */
async function stillQueued(filings: ContractFiling[], transaction: Transaction): Promise<ContractFiling[]> {
  const versionOf = new Map(filings.map((f) => [f.id, f.version]));
  const locked = await ContractFiling.findAll({
    where: { id: { [Op.in]: [...versionOf.keys()] }, pushStatus: 'queued' },
    attributes: ['id', 'version'],
    order: [['id', 'ASC']],
    lock: transaction.LOCK.UPDATE,
    transaction,
  });
  const current = new Set(locked.filter((f) => f.version === versionOf.get(f.id)).map((f) => f.id));
  return filings.filter((f) => current.has(f.id));
}

/**
 * Writes queued filings into the payment intermediate database. Rules and jurisdiction are checked again here:
 * things may have changed since the click. Rows are keyed by (filing, version) and written in one statement that
 * skips keys already there, so a retry after a crash finds the rows it wrote and only completes the statuses.
 */
export async function pushFilings(data: unknown, job: JobContext, clock: Clock = wallClock): Promise<PushOutcome> {
  const { filings: asked } = parsed(pushFilingsData, data);
  const userId = parsed(askedBy, data);
  const versionOf = new Map(asked.map((f) => [f.filingId, f.version]));
  const rows = await ContractFiling.findAll({ where: { id: { [Op.in]: [...versionOf.keys()] } } });
  const queued = rows.filter((f) => f.version === versionOf.get(f.id) && f.pushStatus === 'queued');
  const current = await currentActor(userId);
  // Settled in the name of whoever asked, as the audit trail knows them, even when they may no longer act.
  const user: SessionUser = current ?? (await formerActor(userId));
  const acceptances = await acceptancesOf(queued.map((f) => f.id));
  const refusals = new Map<number, string>();
  const pushable: ContractFiling[] = [];
  for (const filing of queued) {
    if (!current) {
      refusals.set(filing.id, '推送人的账号已停用或不存在，推送未执行；请由有权限的人员重新推送');
      continue;
    }
    if (!canAct(user.role, user.regionCode, filing.regionCode)) {
      refusals.set(filing.id, `推送人（${user.regionName}）无权推送${await regionNameOf(filing.regionCode)}的备案`);
      continue;
    }
    const verdict = filingEligibility(filing, acceptances.get(filing.id) ?? null, { pushStatus: 'not_pushed' });
    if (verdict.pushable) pushable.push(filing);
    else refusals.set(filing.id, verdict.reasons.join('；'));
  }
  const refused = queued.filter((f) => refusals.has(f.id));
  await settle(refused, user, (f) => ({ pushed: false, error: refusals.get(f.id)! }), clock);
  const outcome = { pushed: pushable.length, refused: refused.length, stale: asked.length - queued.length };
  if (!pushable.length) return outcome;
  try {
    const lineIds = [...new Set(pushable.map((f) => f.budgetLineId!))];
    const budgets = new Map<string, string | null>();
    for (const chunk of chunksOf(lineIds, 1000)) {
      const found = await IntegrationBudget.findAll({ where: { budgetLineId: chunk }, attributes: ['budgetLineId', 'unitBudgetCode'] });
      for (const b of found) budgets.set(b.budgetLineId, b.unitBudgetCode);
    }
    const pushedAt = clock();
    await PaymentMiddleRecord.bulkCreate(
      pushable.map((filing) => ({
        sourceFilingId: filing.id,
        sourceVersion: filing.version,
        contractNo: filing.contractNo,
        contractName: filing.contractName!,
        signedAt: filing.signedAt!,
        amount: filing.amount,
        supplierName: filing.supplierName,
        budgetLineId: filing.budgetLineId!,
        unitBudgetCode: budgets.get(filing.budgetLineId!) ?? null,
        regionCode: filing.regionCode,
        pushedAt,
      })),
      { ignoreDuplicates: true },
    );
    const foreign = await keysHeldByOtherContracts(pushable);
    await settle(pushable, user, (f) => (foreign.has(f.id) ? { pushed: false, error: foreign.get(f.id)! } : { pushed: true }), clock);
    // A contract now on the treasury's side: vouchers that paid it are no longer paying an unknown contract.
    await dispatch(riskEvaluationJob(RULES_READING.pushedContracts)).catch((error: unknown) =>
      logger.warn({ err: error }, 'red-flag evaluation after a push not queued; the nightly pass makes up for it'),
    );
    return { ...outcome, pushed: pushable.length - foreign.size, refused: outcome.refused + foreign.size };
  } catch (error) {
    const message = `第 ${job.attemptsMade + 1}/${job.maxAttempts} 次推送失败：${(error as Error).message}`;
    if (job.attemptsMade + 1 >= job.maxAttempts) await settle(pushable, user, () => ({ pushed: false, error: message }), clock);
    else {
      await ContractFiling.update(
        { lastPushError: message },
        {
          where: { [Op.or]: pushable.map((f) => ({ id: f.id, version: f.version })) },
        },
      );
    }
    throw error;
  }
}

/**
 * The filings whose (filing, version) key the intermediate database already holds for a different contract, each with
 * why it was not pushed. A key is one filing's content for good, so a mismatch means the key was reused: a database
 * restored from a backup hands out again the ids of filings lost with it, while the intermediate database kept their
 * rows. Marking such a filing 已推送 would tell the supervisor the treasury has a contract it never received.
 */
async function keysHeldByOtherContracts(filings: ContractFiling[]): Promise<Map<number, string>> {
  const foreign = new Map<number, string>();
  for (const chunk of chunksOf(filings, 1000)) {
    const held = await PaymentMiddleRecord.findAll({
      where: { [Op.or]: chunk.map((f) => ({ sourceFilingId: f.id, sourceVersion: f.version })) },
      attributes: ['sourceFilingId', 'contractNo', 'amount', 'budgetLineId'],
    });
    const byFiling = new Map(held.map((row) => [row.sourceFilingId, row]));
    for (const filing of chunk) {
      const row = byFiling.get(filing.id);
      if (!row) continue;
      const same =
        row.contractNo === filing.contractNo && Number(row.amount) === Number(filing.amount) && row.budgetLineId === filing.budgetLineId;
      if (!same)
        foreign.set(
          filing.id,
          `中间库中备案编号 ${filing.id}（版本 ${filing.version}）已用于另一份合同（${row.contractNo}），本合同未推送：可能是数据库恢复后编号被重复使用，请联系系统管理员核对中间库`,
        );
    }
  }
  if (foreign.size)
    logger.error({ filings: [...foreign.keys()] }, 'intermediate rows of other contracts hold these filing keys: not pushed');
  return foreign;
}

/** A job of one filing (the record action's, the sweeper's and those queued by earlier versions). */
export async function pushFiling(data: unknown, job: JobContext): Promise<{ outcome: 'pushed' | 'refused' | 'stale' }> {
  const { filingId, version } = parsed(queuedFiling, data);
  const outcome = await pushFilings({ filings: [{ filingId, version }], userId: parsed(askedBy, data) }, job);
  return { outcome: outcome.pushed ? 'pushed' : outcome.refused ? 'refused' : 'stale' };
}
