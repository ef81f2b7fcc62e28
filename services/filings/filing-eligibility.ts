import type { Transaction } from 'sequelize';
import { checkPushEligibility, type PushEligibility } from '../../domain/push-eligibility.js';
import { isAgreementType, type ProcurementMethod } from '../../domain/procurement-methods.js';
import { pushRules } from '../../settings/push-rules.js';
import { chinaDay } from '../../domain/dates.js';
import { chunksOf } from '../../domain/chunks.js';
import { updateInGroups } from '../../db/update-in-groups.js';
import { AcceptanceFiling } from '../../db/models/filings/acceptance-filing.model.js';
import { ContractFiling } from '../../db/models/filings/contract-filing.model.js';

const day = (value: Date | string | null | undefined): string | null => {
  if (!value) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  // Filing times are Beijing business dates.
  return chinaDay(value);
};

/** The manual's push rules applied to a stored filing, as the domain function sees it. */
export function filingEligibility(
  filing: ContractFiling,
  acceptance: AcceptanceFiling | null,
  options: { pushStatus?: ContractFiling['pushStatus'] } = {},
): PushEligibility {
  if (filing.status === 'returned') {
    return { pushable: false, route: 'manual', reasons: ['合同备案已退回，待采购单位补正并重新备案后才能推送'] };
  }
  return checkPushEligibility(
    {
      procurementMethod: filing.procurementMethod as ProcurementMethod,
      budgetYear: filing.budgetYear,
      budgetType: filing.budgetType,
      contractFiledAt: day(filing.filedAt),
      acceptanceFiledAt: day(acceptance?.filedAt),
      contractSignedAt: filing.signedAt,
      contractName: filing.contractName,
      pushStatus: options.pushStatus ?? filing.pushStatus,
    },
    pushRules().optionsFor(filing.regionCode),
  );
}

/** Read fresh at the moment of acting; the job asks as if the filing were not yet queued (it is, by then). */
export async function eligibilityNow(
  filing: ContractFiling,
  transaction?: Transaction,
  options: { pushStatus?: ContractFiling['pushStatus'] } = {},
): Promise<PushEligibility> {
  const acceptance = await AcceptanceFiling.findOne({ where: { contractFilingId: filing.id }, transaction });
  return filingEligibility(filing, acceptance, options);
}

const IDS_PER_STATEMENT = 1000;

/** The acceptance of each filing, in one query: bulk checks ask for thousands at once. */
export async function acceptancesOf(filingIds: readonly number[], transaction?: Transaction): Promise<Map<number, AcceptanceFiling>> {
  const byFiling = new Map<number, AcceptanceFiling>();
  for (const ids of chunksOf(filingIds, IDS_PER_STATEMENT)) {
    for (const a of await AcceptanceFiling.findAll({ where: { contractFilingId: ids }, transaction })) byFiling.set(a.contractFilingId, a);
  }
  return byFiling;
}

/**
 * Stores each filing's verdict so the push view can filter and sort on it; refreshed whenever a filing, its
 * acceptance or the rules change (at start-up for the rules). Filings that end with the same verdict are written
 * by one statement, so a bulk push of ten thousand costs a handful of updates.
 */
export async function refreshPushVerdicts(where: Record<string, unknown> = {}, transaction?: Transaction): Promise<number> {
  const filings = await ContractFiling.findAll({ where, transaction });
  const byFiling = await acceptancesOf(
    filings.map((f) => f.id),
    transaction,
  );
  const changed: Array<{ id: number; changes: Record<string, unknown> }> = [];
  for (const filing of filings) {
    const acceptance = byFiling.get(filing.id) ?? null;
    const verdict = filingEligibility(filing, acceptance);
    // The date that decides manual or legacy: the acceptance for agreement-type methods, else the contract filing.
    const triggerDate = isAgreementType(filing.procurementMethod) ? day(acceptance?.filedAt) : day(filing.filedAt);
    const next: Partial<ContractFiling> & Pick<ContractFiling, 'triggerDate' | 'pushVerdict' | 'pushRoute' | 'pushReasons'> = {
      triggerDate,
      pushVerdict: verdict.pushable ? ('pushable' as const) : ('blocked' as const),
      pushRoute: verdict.route,
      pushReasons: verdict.reasons.join('；') || null,
    };
    if (
      filing.triggerDate === next.triggerDate &&
      filing.pushVerdict === next.pushVerdict &&
      filing.pushRoute === next.pushRoute &&
      filing.pushReasons === next.pushReasons
    )
      continue;
    changed.push({ id: filing.id, changes: next });
  }
  return updateInGroups(ContractFiling, changed, { transaction, hooks: false });
}
