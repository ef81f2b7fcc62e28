import { CATEGORY_LABELS } from '../models/plan/plan-labels.js';
import { deadline, timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { bilingual, choice, longText, money, text } from '../record/fields.js';
import { anomalyHandling, anomalyProject } from './anomaly-handling.fields.js';

/** A failed tender's handling (废标处理): re-tender, or change of method, approved by the unit and, when the rule says so, confirmed by the office. */
export const FAILED_TENDER_HANDLING = declareRecord({
  name: 'FailedTenderHandling',
  table: 'failed_tender_handlings',
  indexes: [{ fields: ['regionCode', 'state'] }, { fields: ['originalMethod'] }],
  label: { zh: '废标处理', en: 'Failed tender handling' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    ...anomalyProject(),
    category: choice(bilingual(CATEGORY_LABELS, { goods: 'Goods', works: 'Works', services: 'Services' }), {
      zh: '品目类别',
      en: 'Category',
    }),
    amount: money({ zh: '预算金额（元）', en: 'Budget (yuan)' }),
    originalMethod: text(40, { zh: '原采购方式', en: 'Original method' }),
    newMethod: text(40, { zh: '拟采用的采购方式', en: 'Proposed method' }),
    failureReason: longText({ zh: '废标原因', en: 'Reason the tender failed' }),
    ...anomalyHandling(),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'state', in: ['awaiting_supervisor'], since: 'unitApprovedAt', title: 'projectName', step: 'failedTenderConfirmation' },
});
