import { Op, type Transaction } from 'sequelize';
import { supervisoryActions, type Inspection, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { fenToDecimal, formatYuan, toFen } from '../../domain/money.js';
import { paymentLimit } from '../../domain/payment-review.js';
import { ContractFiling } from '../../db/models/filings/contract-filing.model.js';
import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { PaymentApplication } from '../../db/models/payments/payment-application.model.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { PAYMENT_APPLICATION } from '../../db/records/payment-application.record.js';

const PAYMENT_STATUS_LABELS = choiceLabels(PAYMENT_APPLICATION.fields.status, 'zh');

/**
 * The contract's row is locked first, so two approvals for the same contract are decided one after the other and
 * the second sees what the first approved.
 */
async function inspectPayment(application: PaymentApplication, transaction?: Transaction): Promise<Inspection> {
  const filing = await ContractFiling.findByPk(application.contractFilingId, {
    transaction,
    ...(transaction && { lock: transaction.LOCK.UPDATE }),
  });
  const approved = await PaymentApplication.sum('requestedAmount', {
    where: { contractFilingId: application.contractFilingId, status: 'approved', id: { [Op.ne]: application.id } },
    transaction,
  });
  const paid = toFen(Number(approved ?? 0));
  const contract = toFen(filing?.amount ?? application.contractAmount);
  const requested = toFen(application.requestedAmount);
  const verdict = paymentLimit({
    contractAmount: fenToDecimal(contract),
    paidAmount: fenToDecimal(paid),
    requestedAmount: fenToDecimal(requested),
  });
  const details: Inspection['details'] = [
    { label: '合同编号', value: filing?.contractNo ?? `（备案 ${application.contractFilingId} 不存在）` },
    { label: '中标供应商', value: application.supplierName },
    { label: '合同金额', value: formatYuan(contract) },
    { label: '已审核通过的支付', value: formatYuan(paid) },
    { label: '本次申请', value: formatYuan(requested) },
    verdict.allowed
      ? { label: '审核通过后剩余可支付', value: formatYuan(verdict.remainingAfter), tone: 'ok' }
      : { label: '支付上限', value: '超过合同金额', tone: 'error' },
  ];
  if (!filing) return { details, refusal: `合同备案 ${application.contractFilingId} 不存在，不能审核支付` };
  if (filing.status !== 'filed') return { details, refusal: `合同 ${filing.contractNo} 的备案已被退回，备案重新完成前不能审核支付` };
  if (!verdict.allowed) return { details, refusal: verdict.refusal };
  return { details, changes: { paidAmount: fenToDecimal(paid), contractAmount: fenToDecimal(contract) } };
}

const approvePayment: SupervisoryActionSpec<PaymentApplication> = {
  name: 'approvePayment',
  label: '审核通过',
  resourceId: 'PaymentApplication',
  model: PaymentApplication,
  from: PAYMENT_APPLICATION.pending.in,
  stateLabels: PAYMENT_STATUS_LABELS,
  reason: 'optional',
  inspect: async (application, _user, transaction) => inspectPayment(application, transaction),
  apply: (_application, { user, reason, now }) => ({
    status: 'approved',
    reviewedAt: now,
    reviewerName: user.displayName,
    reviewOpinion: reason,
  }),
  success: (application) => `支付申请 ${application.applicationNo} 已审核通过`,
  icon: 'CheckCircle',
  variant: 'success',
};

const rejectPayment: SupervisoryActionSpec<PaymentApplication> = {
  name: 'rejectPayment',
  label: '审核退回',
  resourceId: 'PaymentApplication',
  model: PaymentApplication,
  from: PAYMENT_APPLICATION.pending.in,
  stateLabels: PAYMENT_STATUS_LABELS,
  reason: 'required',
  inspect: async (application, _user, transaction) => ({ details: (await inspectPayment(application, transaction)).details }),
  apply: (_application, { user, reason, now }) => ({
    status: 'rejected',
    reviewedAt: now,
    reviewerName: user.displayName,
    reviewOpinion: reason,
  }),
  success: (application) => `支付申请 ${application.applicationNo} 已退回`,
  icon: 'XCircle',
  variant: 'danger',
};

export const paymentApplicationResource: ResourceDefinition = {
  id: 'PaymentApplication',
  model: PaymentApplication,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'applicationNo',
    properties: {
      projectId: { reference: 'ProcurementProject' },
      contractFilingId: { reference: 'ContractFiling' },
      contractAmount: MONEY,
      requestedAmount: MONEY,
      paidAmount: MONEY,
    },
    actions: {
      ...supervisoryActions(approvePayment),
      ...supervisoryActions(rejectPayment),
    },
  },
};
