import { CATEGORY_LABELS } from '../models/plan/plan-labels.js';
import { deadline, timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { bilingual, choice, day, money, text } from '../record/fields.js';
import { requestApproval, requestGrounds, requestSubject } from './pre-trade-request.fields.js';

/** A request to procure other than by public tender (采购方式变更审批), decided at city level or above. */
export const METHOD_CHANGE_REQUEST = declareRecord({
  name: 'MethodChangeRequest',
  table: 'method_change_requests',
  indexes: [{ fields: ['regionCode', 'state'] }],
  label: { zh: '采购方式变更审批', en: 'Method change approval' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    ...requestSubject(),
    category: choice(bilingual(CATEGORY_LABELS, { goods: 'Goods', works: 'Works', services: 'Services' }), {
      zh: '品目类别',
      en: 'Category',
    }),
    amount: money({ zh: '预算金额（元）', en: 'Budget (yuan)' }),
    originalMethod: text(40, { zh: '原采购方式', en: 'Original method' }),
    requestedMethod: text(40, { zh: '申请采用的采购方式', en: 'Requested method' }),
    legalGround: text(300, { zh: '法律依据', en: 'Legal ground' }),
    ...requestGrounds(),
    noticeStartAt: day({ zh: '单一来源公示开始', en: 'Single-source notice from' }, { nullable: true }),
    noticeEndAt: day({ zh: '单一来源公示结束', en: 'Single-source notice until' }, { nullable: true }),
    ...requestApproval(),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'state', in: ['submitted'], since: 'submittedAt', title: 'projectName', step: 'methodChangeApproval' },
});
