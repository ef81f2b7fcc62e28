import { Op } from 'sequelize';
import { supervisoryActions } from '../../actions/supervisory-action.js';
import { METHOD_LABELS } from '../../domain/procurement-methods.js';
import { MONEY, PROCUREMENT_METHOD } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { anomalyDecisions } from '../../services/anomalies/anomaly-decisions.js';
import { FailedTenderHandling } from '../../db/models/anomalies/failed-tender-handling.model.js';
import { PreAwardAnomaly } from '../../db/models/anomalies/pre-award-anomaly.model.js';

const methodName = (code: string): string => METHOD_LABELS[code as keyof typeof METHOD_LABELS] ?? code;
const yesNo = (value: boolean): string => (value ? '是' : '否');

const failedTender = anomalyDecisions({
  resourceId: 'FailedTenderHandling',
  model: FailedTenderHandling,
  facts: (row) => [
    { label: '原采购方式', value: methodName(row.originalMethod) },
    { label: '拟采用方式', value: methodName(row.newMethod), tone: row.originalMethod === row.newMethod ? 'ok' : 'warn' },
    { label: '预算金额', value: `${Number(row.amount).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元` },
    { label: '废标原因', value: row.failureReason },
  ],
});

const failedTenderOptions = {
  titleProperty: 'projectName',
  properties: {
    projectId: { reference: 'ProcurementProject' },
    amount: MONEY,
    originalMethod: PROCUREMENT_METHOD,
    newMethod: PROCUREMENT_METHOD,
    failureReason: { type: 'textarea' as const },
    confirmationBasis: { type: 'textarea' as const },
    decisionReason: { type: 'textarea' as const },
  },
  actions: {
    ...supervisoryActions(failedTender.confirm),
    ...supervisoryActions(failedTender.reject),
    ...supervisoryActions(failedTender.returnToStepOne),
  },
};

/** 招标方式（废标）处理: projects that failed as public tenders. */
export const failedTenderHandlingResource: ResourceDefinition = {
  id: 'FailedTenderHandling',
  model: FailedTenderHandling,
  viewWhere: { originalMethod: 'public_tender' },
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: failedTenderOptions,
};

/** 非招标方式（废标）处理: the other methods (竞争性谈判, 磋商, 询价 …). */
export const nonTenderFailedHandlingResource: ResourceDefinition = {
  id: 'NonTenderFailedHandling',
  model: FailedTenderHandling,
  viewWhere: { originalMethod: { [Op.ne]: 'public_tender' } },
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: failedTenderOptions,
};

const preAward = anomalyDecisions({
  resourceId: 'PreAwardAnomaly',
  model: PreAwardAnomaly,
  facts: (row) => [
    { label: '代理机构', value: row.agencyName },
    { label: '变更采购方式', value: yesNo(row.methodChanged), tone: row.methodChanged ? 'warn' : 'ok' },
    { label: '变更中标人排名', value: yesNo(row.rankingChanged), tone: row.rankingChanged ? 'warn' : 'ok' },
    { label: '变更中标人名称', value: yesNo(row.winnerNameChanged), tone: row.winnerNameChanged ? 'warn' : 'ok' },
    { label: '原中标（成交）人', value: row.originalWinner },
    { label: '现中标（成交）人', value: row.newWinner },
  ],
});

/** 预中标（成交）异常处理 */
export const preAwardAnomalyResource: ResourceDefinition = {
  id: 'PreAwardAnomaly',
  model: PreAwardAnomaly,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'projectName',
    properties: {
      projectId: { reference: 'ProcurementProject' },
      description: { type: 'textarea' },
      confirmationBasis: { type: 'textarea' },
      decisionReason: { type: 'textarea' },
    },
    actions: {
      ...supervisoryActions(preAward.confirm),
      ...supervisoryActions(preAward.reject),
    },
  },
};
