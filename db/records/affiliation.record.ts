import { decision, timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, choice, integer, moment, reference, text } from '../record/fields.js';

/** A subordinate unit's link to its supervising budget unit (隶属关系), asked for by the unit, confirmed or unbound. */
export const AFFILIATION = declareRecord({
  name: 'Affiliation',
  table: 'affiliations',
  indexes: [{ fields: ['regionCode', 'status'] }],
  label: { zh: '隶属关系', en: 'Affiliation' },
  // The subordinate's region: the office of that region watches the link.
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    subordinateUnitId: reference('procurement_units', 'id', integer({ zh: '下级预算单位', en: 'Subordinate unit' })),
    supervisingUnitId: reference('procurement_units', 'id', integer({ zh: '主管预算单位', en: 'Supervising unit' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    status: choice(
      {
        pending: { zh: '待确认', en: 'Awaiting confirmation' },
        confirmed: { zh: '已确认', en: 'Confirmed' },
        unbound: { zh: '已解除', en: 'Unbound' },
      },
      { zh: '状态', en: 'Status' },
      { tones: { pending: 'pending', confirmed: 'done', unbound: 'neutral' } },
    ),
    requestedAt: moment({ zh: '申请时间', en: 'Requested at' }),
    confirmedAt: moment({ zh: '确认时间', en: 'Confirmed at' }, { nullable: true }),
    ...decision({
      at: { name: 'unboundAt', label: { zh: '解除时间', en: 'Unbound at' } },
      by: { name: 'unboundBy', label: { zh: '解除人', en: 'Unbound by' }, length: 50 },
      reason: { name: 'unbindReason', label: { zh: '解除原因', en: 'Reason for unbinding' } },
    }),
    ...versioned(),
    ...timestamps(),
  },
  pending: { field: 'status', in: ['pending'], since: 'requestedAt' },
});
