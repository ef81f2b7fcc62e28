import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, moment, reference, text } from '../record/fields.js';

/** Unit basic information as pushed by the 一体化 platform: the reference for every budget-code check. */
export const INTEGRATION_UNIT = declareRecord({
  name: 'IntegrationUnit',
  table: 'integration_units',
  large: true,
  indexes: [
    { fields: ['creditCode'] },
    { fields: ['unitName'] },
    { fields: ['regionCode'] },
    ...trigramIndexes('unitBudgetCode', 'unitName', 'creditCode'),
  ],
  label: { zh: '一体化单位基本信息', en: 'Integration unit info' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    unitBudgetCode: text(50, { zh: '单位预算编码', en: 'Unit budget code' }, { unique: true }),
    unitName: text(200, { zh: '单位名称', en: 'Unit name' }),
    creditCode: text(18, { zh: '统一社会信用代码', en: 'Unified social credit code' }, { nullable: true }),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    sourceUpdatedAt: moment({ zh: '一体化更新时间', en: 'Updated on the integration platform' }),
    ...timestamps({ createdAt: { zh: '接收时间', en: 'Received at' } }),
  },
});
