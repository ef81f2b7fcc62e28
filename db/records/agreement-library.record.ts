import { timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, moment, reference, text } from '../record/fields.js';

/** A goods library (商品库) owned by a city, a county that built its own, or 省本级. */
export const AGREEMENT_LIBRARY = declareRecord({
  name: 'AgreementLibrary',
  table: 'agreement_libraries',
  label: { zh: '商品库', en: 'Goods library' },
  jurisdiction: { kind: 'library', field: 'ownerRegionCode' },
  fields: {
    id: autoId(),
    ownerRegionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' }, { unique: true })),
    name: text(100, { zh: '商品库名称', en: 'Library name' }),
    createdBy: text(64, { zh: '建立人', en: 'Created by' }, { codeOf: 'user' }),
    categoriesInitializedAt: moment({ zh: '品目初始化时间', en: 'Categories initialised at' }, { nullable: true }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...timestamps({ createdAt: { zh: '建立时间', en: 'Created at' } }),
  },
});
