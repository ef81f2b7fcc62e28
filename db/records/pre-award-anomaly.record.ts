import { deadline, timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { boolean, longText, text } from '../record/fields.js';
import { anomalyHandling, anomalyProject } from './anomaly-handling.fields.js';

/** A pre-award anomaly (预中标/成交异常) an agency handles after a complaint or a re-published result. */
export const PRE_AWARD_ANOMALY = declareRecord({
  name: 'PreAwardAnomaly',
  table: 'pre_award_anomalies',
  indexes: [{ fields: ['regionCode', 'state'] }],
  label: { zh: '预中标（成交）异常', en: 'Pre-award anomaly' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    ...anomalyProject(),
    agencyName: text(200, { zh: '代理机构', en: 'Agency' }),
    methodChanged: boolean({ zh: '变更采购方式', en: 'Method changed' }),
    rankingChanged: boolean({ zh: '变更中标人排名', en: 'Ranking changed' }),
    winnerNameChanged: boolean({ zh: '变更中标人名称', en: 'Winner name changed' }),
    originalWinner: text(200, { zh: '原中标（成交）人', en: 'Original winner' }),
    newWinner: text(200, { zh: '现中标（成交）人', en: 'New winner' }),
    description: longText({ zh: '异常情况说明', en: 'Description of the anomaly' }),
    ...anomalyHandling(),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'state', in: ['awaiting_supervisor'], since: 'unitApprovedAt', title: 'projectName', step: 'preAwardConfirmation' },
});
