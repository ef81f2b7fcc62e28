import { Op } from 'sequelize';
import type { PushEligibility } from '../../domain/push-eligibility.js';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { FollowUpDeferred } from '../../actions/follow-up-deferred.js';
import { dispatch } from '../../queue/job-dispatch.js';
import { logger } from '../../settings/logger.js';
import { pushJobsFor } from '../../queue/push-jobs.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { MONEY, PROCUREMENT_METHOD } from '../property-types.js';
import { flagsOf } from '../risk/flag-subjects.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { AcceptanceFiling } from '../../db/models/filings/acceptance-filing.model.js';
import { ContractFiling } from '../../db/models/filings/contract-filing.model.js';
import { acceptancesOf, eligibilityNow, filingEligibility, refreshPushVerdicts } from '../../services/filings/filing-eligibility.js';
import {
  BUDGET_TYPE_LABELS,
  FILING_STATUS_LABELS,
  METHOD_LABELS,
  PUSH_ROUTE_LABELS,
  PUSH_STATUS_LABELS,
} from '../../db/models/filings/filing-labels.js';

/** What a filing shows while its push waits for the queue; the maintenance job queues it once Redis answers. */
export const AWAITING_QUEUE = '推送队列暂不可用（Redis 无法连接），已记下，队列恢复后自动推送，无需再次操作';

/**
 * Queues the pushes of filings just marked 推送中. A job that cannot be queued leaves its filings 推送中 with the
 * reason shown, and the maintenance job queues them as soon as the queue answers again: nobody has to click twice.
 */
async function queuePushes(queued: Array<{ row: ContractFiling; version: number }>, user: SessionUser): Promise<void> {
  const jobs = pushJobsFor(
    queued.map(({ row, version }) => ({ filingId: row.id, version })),
    user,
  );
  let deferred = false;
  for (const job of jobs) {
    try {
      // No queue at all (a web stopping past its grace period) is the same as a queue that is away.
      if ((await dispatch(job)) === null) throw new Error('no job queue in this process');
    } catch (error) {
      deferred = true;
      logger.warn({ err: error, filings: job.data.filings.length }, 'push not queued: left for the maintenance job');
      await ContractFiling.update(
        { lastPushError: AWAITING_QUEUE },
        { where: { [Op.or]: job.data.filings.map((f) => ({ id: f.filingId, version: f.version })), pushStatus: 'queued' } },
      );
    }
  }
  if (deferred) throw new FollowUpDeferred(AWAITING_QUEUE);
}

const pushRefusal = (verdict: PushEligibility): string | undefined =>
  verdict.pushable ? undefined : `不能推送：${verdict.reasons.join('；')}`;

export const pushToIntegration: SupervisoryActionSpec<ContractFiling> = {
  name: 'pushToIntegration',
  label: '推送',
  resourceId: 'ContractFiling',
  model: ContractFiling,
  statusField: 'pushStatus',
  from: ['not_pushed', 'failed'],
  stateLabels: PUSH_STATUS_LABELS,
  reason: 'optional',
  inspect: async (filing, _user, transaction) => {
    const verdict = await eligibilityNow(filing, transaction, { pushStatus: 'not_pushed' });
    return {
      details: [
        { label: '合同编号', value: filing.contractNo },
        { label: '合同名称', value: filing.contractName ?? '（缺）' },
        { label: '签订日期', value: filing.signedAt ?? '（缺）' },
        { label: '采购方式', value: METHOD_LABELS[filing.procurementMethod as keyof typeof METHOD_LABELS] ?? filing.procurementMethod },
        { label: '预算年度', value: String(filing.budgetYear) },
        { label: '预算类型', value: BUDGET_TYPE_LABELS[filing.budgetType] ?? filing.budgetType },
        { label: '推送途径', value: PUSH_ROUTE_LABELS[verdict.route] ?? verdict.route },
        { label: '推送条件', value: verdict.pushable ? '满足' : verdict.reasons.join('；'), tone: verdict.pushable ? 'ok' : 'error' },
      ],
      refusal: pushRefusal(verdict),
    };
  },
  apply: () => ({ pushStatus: 'queued', lastPushError: null }),
  // The stored verdict follows the queued state in the same transaction: one commit per filing, not two.
  within: async (filing, transaction) => {
    await refreshPushVerdicts({ id: filing.id }, transaction);
  },
  afterCommit: async (filing, changes, user) => {
    await queuePushes([{ row: filing, version: Number(changes.version) }], user);
  },
  asSet: {
    refusals: async (filings, _user, transaction) => {
      const acceptances = await acceptancesOf(
        filings.map((f) => f.id),
        transaction,
      );
      const refusals = new Map<unknown, string>();
      for (const filing of filings) {
        const refusal = pushRefusal(filingEligibility(filing, acceptances.get(filing.id) ?? null, { pushStatus: 'not_pushed' }));
        if (refusal) refusals.set(filing.id, refusal);
      }
      return refusals;
    },
    within: async (filings, transaction) => {
      await refreshPushVerdicts({ id: filings.map((f) => f.id) }, transaction);
    },
    afterCommit: (queued, user) => queuePushes(queued, user),
  },
  success: (filing) => `合同 ${filing.contractNo} 已加入推送队列`,
  icon: 'Send',
  variant: 'primary',
  bulk: true,
  progress: { field: 'pushStatus', finished: ['pushed', 'failed'], failed: ['failed'] },
};

const returnContractFiling: SupervisoryActionSpec<ContractFiling> = {
  name: 'returnContractFiling',
  label: '退回合同备案',
  resourceId: 'ContractFiling',
  model: ContractFiling,
  from: ['filed'],
  stateLabels: FILING_STATUS_LABELS,
  reason: 'required',
  inspect: async (filing, _user, transaction) => {
    const acceptance = await AcceptanceFiling.findOne({ where: { contractFilingId: filing.id }, transaction });
    const details = [
      { label: '合同编号', value: filing.contractNo },
      { label: '推送状态', value: PUSH_STATUS_LABELS[filing.pushStatus] ?? filing.pushStatus },
      {
        label: '验收单',
        value: acceptance ? `有（验收日期 ${acceptance.acceptedAt}）` : '无',
        tone: acceptance ? ('error' as const) : ('ok' as const),
      },
    ];
    if (acceptance)
      return {
        details,
        refusal: `该合同备案已有验收单（验收日期 ${acceptance.acceptedAt}），请先在“验收单备案”中删除验收单，再退回合同备案`,
      };
    if (filing.pushStatus === 'queued') return { details, refusal: '该合同备案正在推送中，请等推送完成后再退回' };
    return { details };
  },
  apply: (_filing, { reason, now }) => ({ status: 'returned', returnedAt: now, returnReason: reason }),
  afterCommit: async (filing) => {
    await refreshPushVerdicts({ id: filing.id });
  },
  success: (filing) => `已退回合同备案 ${filing.contractNo}，采购单位补正后重新备案`,
  icon: 'CornerUpLeft',
  variant: 'danger',
};

const filingProperties = {
  amount: MONEY,
  paidAmount: MONEY,
  procurementUnitId: { reference: 'ProcurementUnit' },
  procurementMethod: PROCUREMENT_METHOD,
  pushReasons: { type: 'textarea' as const },
  lastPushError: { type: 'textarea' as const },
  returnReason: { type: 'textarea' as const },
};

const model = ContractFiling;

/** A filing's acceptance, what was written to the payment intermediate database, 一体化 vouchers and payment requests. */
const FILING_RELATED: ResourceDefinition['related'] = [
  { resourceId: 'AcceptanceFiling', foreignKey: 'contractFilingId' },
  { resourceId: 'PaymentMiddleRecord', foreignKey: 'sourceFilingId' },
  { resourceId: 'PaymentVoucher', foreignKey: 'contractNo', localKey: 'contractNo' },
  { resourceId: 'PaymentApplication', foreignKey: 'contractFilingId' },
  flagsOf('ContractFiling'),
];

export const contractFilingResource: ResourceDefinition = {
  id: 'ContractFiling',
  model,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  related: FILING_RELATED,
  options: {
    titleProperty: 'contractNo',
    properties: filingProperties,
    actions: supervisoryActions(returnContractFiling),
  },
};

/** 新-手动推送合同备案: the same filings, seen for pushing. */
export const manualPushFilingResource: ResourceDefinition = {
  id: 'ManualPushFiling',
  model,
  viewWhere: { status: 'filed' },
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  related: FILING_RELATED,
  options: {
    titleProperty: 'contractNo',
    properties: filingProperties,
    actions: supervisoryActions(pushToIntegration),
  },
};
