import { UniqueConstraintError } from 'sequelize';
import { recordAudit } from '../../actions/audit.js';
import { canAct } from '../../domain/jurisdiction.js';
import { eligibilityNow, refreshPushVerdicts } from '../../resources/filings/filing-eligibility.js';
import type { SessionUser } from '../../resources/jurisdiction-scope.js';
import { ContractFiling, IntegrationBudget, PaymentMiddleRecord } from '../../resources/models.js';
import type { JobContext } from '../job-types.js';

export interface PushFilingData { filingId: number; version: number; user: SessionUser }

async function settle(filing: ContractFiling, user: SessionUser, outcome: { pushed: boolean; error?: string }): Promise<void> {
  const changes = outcome.pushed
    ? { pushStatus: 'pushed' as const, pushedAt: new Date(), lastPushError: null }
    : { pushStatus: 'failed' as const, lastPushError: outcome.error ?? '推送失败' };
  const sequelize = ContractFiling.sequelize!;
  await sequelize.transaction(async (transaction) => {
    const [affected] = await ContractFiling.update(changes, {
      where: { id: filing.id, version: filing.version, pushStatus: 'queued' }, transaction,
    });
    if (affected !== 1) return;
    await recordAudit({
      user, action: outcome.pushed ? 'pushCompleted' : 'pushFailed', resourceId: 'ContractFiling', recordId: String(filing.id),
      regionCode: filing.regionCode, reason: outcome.error ?? null,
      changes: { pushStatus: { before: 'queued', after: changes.pushStatus } },
    }, transaction);
    await refreshPushVerdicts({ id: filing.id }, transaction);
  });
}

/**
 * Writes one queued filing into the payment intermediate database. Rules and jurisdiction are checked again here:
 * things may have changed since the click. The row is keyed by (filing, version), so a retry after a crash finds
 * the row it wrote and only completes the status.
 */
export async function pushFiling(data: unknown, job: JobContext): Promise<{ outcome: string }> {
  const { filingId, version, user } = data as PushFilingData;
  const filing = await ContractFiling.findByPk(filingId);
  if (!filing || filing.version !== version || filing.pushStatus !== 'queued') return { outcome: 'stale' };
  if (!canAct(user.role, user.regionCode, filing.regionCode)) {
    await settle(filing, user, { pushed: false, error: `推送人（${user.regionName}）无权推送辖区 ${filing.regionCode} 的备案` });
    return { outcome: 'refused' };
  }
  const verdict = await eligibilityNow(filing, undefined, { pushStatus: 'not_pushed' });
  if (!verdict.pushable) {
    await settle(filing, user, { pushed: false, error: verdict.reasons.join('；') });
    return { outcome: 'refused' };
  }
  try {
    const budget = await IntegrationBudget.findOne({ where: { budgetLineId: filing.budgetLineId! } });
    const middle = PaymentMiddleRecord.sequelize!;
    await middle.transaction(async (transaction) => {
      const key = { sourceFilingId: filing.id, sourceVersion: filing.version };
      if (await PaymentMiddleRecord.findOne({ where: key, transaction })) return;
      await PaymentMiddleRecord.create({
        ...key, contractNo: filing.contractNo, contractName: filing.contractName!, signedAt: filing.signedAt!,
        amount: filing.amount, supplierName: filing.supplierName, budgetLineId: filing.budgetLineId!,
        unitBudgetCode: budget?.unitBudgetCode ?? null, regionCode: filing.regionCode, pushedAt: new Date(),
      }, { transaction });
    }).catch((error: unknown) => {
      // Another attempt wrote the same (filing, version) first: the row is there, which is all we want.
      if (!(error instanceof UniqueConstraintError)) throw error;
    });
    await settle(filing, user, { pushed: true });
    return { outcome: 'pushed' };
  } catch (error) {
    const message = `第 ${job.attemptsMade + 1}/${job.maxAttempts} 次推送失败：${(error as Error).message}`;
    if (job.attemptsMade + 1 >= job.maxAttempts) await settle(filing, user, { pushed: false, error: message });
    else await ContractFiling.update({ lastPushError: message }, { where: { id: filing.id, version: filing.version } });
    throw error;
  }
}
