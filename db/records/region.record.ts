import { declareRecord } from '../record/declare-record.js';
import { choice, reference, text } from '../record/fields.js';

/** A region of Jiangxi (行政区划): province, city or county, keyed by its six-digit code. */
export const REGION = declareRecord({
  name: 'Region',
  table: 'regions',
  label: { zh: '行政区划', en: 'Region' },
  // Reference data every office reads.
  jurisdiction: { kind: 'reference' },
  fields: {
    code: text(6, { zh: '区划代码', en: 'Code' }, { primaryKey: true }),
    name: text(50, { zh: '名称', en: 'Name' }),
    level: choice(
      {
        province: { zh: '省', en: 'Province' },
        city: { zh: '市', en: 'City' },
        county: { zh: '县（区）', en: 'County (district)' },
      },
      { zh: '级别', en: 'Level' },
    ),
    parentCode: reference('regions', 'code', text(6, { zh: '上级区划', en: 'Parent region' }, { nullable: true })),
  },
});
