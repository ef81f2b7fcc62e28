import { decision, versioned } from '../record/blocks.js';
import { autoId, choice, integer, longText, moment, reference, text } from '../record/fields.js';

/** Where a pre-trade request stands; both kinds are decided by an office at city level or above. */
export const REQUEST_STATE = choice(
  {
    submitted: { zh: '待审批', en: 'Awaiting approval' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '不予批准', en: 'Refused' },
  },
  { zh: '审批状态', en: 'Approval state' },
  { tones: { submitted: 'pending', approved: 'done', rejected: 'refused' }, default: 'submitted' },
);

/**
 * What the requests before procurement (采购方式变更, 进口产品) share: the project and unit first, the grounds, then
 * the approval by the office the law names (services/pre-trade/pre-trade-decisions.ts).
 */
export const requestSubject = () => ({
  id: autoId(),
  projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Procurement project' }, { nullable: true })),
  projectName: text(300, { zh: '项目名称', en: 'Project name' }),
  procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' })),
  regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
});

export const requestGrounds = () => ({
  reasons: longText({ zh: '申请理由', en: 'Reasons' }),
  expertOpinion: longText({ zh: '专家论证意见', en: 'Expert opinion' }),
});

export const requestApproval = () => ({
  state: REQUEST_STATE,
  approvingRegion: reference('regions', 'code', text(6, { zh: '审批辖区', en: 'Approving region' })),
  submittedAt: moment({ zh: '申请时间', en: 'Submitted at' }),
  ...decision({
    at: { name: 'decidedAt', label: { zh: '审批时间', en: 'Decided at' } },
    by: { name: 'decidedBy', label: { zh: '审批人', en: 'Decided by' }, length: 64 },
    reason: { name: 'decisionReason', label: { zh: '审批意见', en: 'Decision comment' } },
  }),
  ...versioned({ zh: '版本', en: 'Version' }),
});
