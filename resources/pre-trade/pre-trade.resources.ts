import { supervisoryActions } from '../../actions/supervisory-action.js';
import { chinaDay } from '../../domain/dates.js';
import { toFen, formatYuan } from '../../domain/money.js';
import { needsSingleSourceNotice, singleSourceNoticeRefusal } from '../../domain/pre-procurement.js';
import { METHOD_LABELS } from '../../domain/procurement-methods.js';
import { deadlineRules } from '../../settings/deadline-rules.js';
import { supervisionRules } from '../../settings/supervision-rules.js';
import { MONEY, PROCUREMENT_METHOD } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { flagsOf } from '../risk/flag-subjects.js';
import { ImportProductRequest } from '../../db/models/pre-trade/import-product-request.model.js';
import { MethodChangeRequest } from '../../db/models/pre-trade/method-change-request.model.js';
import { preTradeDecisions } from '../../services/pre-trade/pre-trade-decisions.js';
import { ProcurementIntention } from '../../db/models/pre-trade/procurement-intention.model.js';

const methodName = (code: string): string => METHOD_LABELS[code as keyof typeof METHOD_LABELS] ?? code;
const today = (): string => chinaDay();
const common = { projectId: { reference: 'ProcurementProject' }, procurementUnitId: { reference: 'ProcurementUnit' }, amount: MONEY };
const text = { type: 'textarea' as const };

/** 采购意向公开: read-only; a project started less than 30 days after its intention is flagged with the shortfall. */
export const procurementIntentionResource: ResourceDefinition = {
  id: 'ProcurementIntention',
  model: ProcurementIntention,
  builtInActions: ['list', 'show', 'search'],
  related: [flagsOf('ProcurementIntention')],
  options: {
    titleProperty: 'projectName',
    properties: { ...common, budgetAmount: MONEY, requirementSummary: text },
  },
};

const methodChange = preTradeDecisions({
  resourceId: 'MethodChangeRequest',
  model: MethodChangeRequest,
  subject: '采购方式变更',
  facts: (row) => [
    { label: '采购项目', value: row.projectName },
    { label: '预算金额', value: formatYuan(toFen(row.amount)) },
    { label: '采购方式', value: `${methodName(row.originalMethod)} → ${methodName(row.requestedMethod)}` },
    { label: '法律依据', value: row.legalGround },
    { label: '专家论证意见', value: row.expertOpinion },
    ...(row.requestedMethod === 'single_source'
      ? [{ label: '单一来源公示期', value: row.noticeStartAt ? `${row.noticeStartAt} 至 ${row.noticeEndAt ?? '（未填）'}` : '（未公示）' }]
      : []),
  ],
  approvalRefusal: (row) => {
    const threshold = supervisionRules().thresholdsFor(row.regionCode)[row.category];
    if (!needsSingleSourceNotice(row.requestedMethod, toFen(row.amount) / 100, threshold)) return null;
    return singleSourceNoticeRefusal({ startAt: row.noticeStartAt, endAt: row.noticeEndAt }, today(), deadlineRules().calendar);
  },
});

/** 采购方式变更审批 */
export const methodChangeRequestResource: ResourceDefinition = {
  id: 'MethodChangeRequest',
  model: MethodChangeRequest,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'projectName',
    properties: {
      ...common,
      originalMethod: PROCUREMENT_METHOD,
      requestedMethod: PROCUREMENT_METHOD,
      reasons: text,
      expertOpinion: text,
      decisionReason: text,
    },
    actions: {
      ...supervisoryActions(methodChange.approve),
      ...supervisoryActions(methodChange.reject),
    },
  },
};

const importProduct = preTradeDecisions({
  resourceId: 'ImportProductRequest',
  model: ImportProductRequest,
  subject: '进口产品采购',
  facts: (row) => [
    { label: '采购项目', value: row.projectName },
    { label: '进口产品', value: `${row.productName}（${row.originCountry}）` },
    { label: '金额', value: formatYuan(toFen(row.amount)) },
    { label: '专家论证意见', value: row.expertOpinion },
  ],
});

/** 进口产品采购审核 */
export const importProductRequestResource: ResourceDefinition = {
  id: 'ImportProductRequest',
  model: ImportProductRequest,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'projectName',
    properties: { ...common, reasons: text, expertOpinion: text, decisionReason: text },
    actions: {
      ...supervisoryActions(importProduct.approve),
      ...supervisoryActions(importProduct.reject),
    },
  },
};
