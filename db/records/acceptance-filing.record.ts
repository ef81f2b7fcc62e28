import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, day, integer, money, moment, reference, text } from '../record/fields.js';

/** The acceptance form (验收单) of a contract; for agreement-type methods it is what makes a filing pushable. */
export const ACCEPTANCE_FILING = declareRecord({
  name: 'AcceptanceFiling',
  table: 'acceptance_filings',
  indexes: [{ fields: ['regionCode'] }],
  label: { zh: '验收单备案', en: 'Acceptance filing' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    contractFilingId: reference('contract_filings', 'id', integer({ zh: '合同备案', en: 'Contract filing' }, { unique: true })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    acceptedAt: day({ zh: '验收日期', en: 'Accepted on' }),
    acceptedAmount: money({ zh: '验收金额（元）', en: 'Accepted amount (yuan)' }),
    filedAt: moment({ zh: '验收单备案时间', en: 'Filed at' }),
    ...timestamps(),
  },
});
