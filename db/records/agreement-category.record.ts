import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, boolean, integer, reference, text } from '../record/fields.js';

/** A category (品目) of one library; goods hang only under leaves. */
export const AGREEMENT_CATEGORY = declareRecord({
  name: 'AgreementCategory',
  table: 'agreement_categories',
  indexes: [{ fields: ['libraryId', 'code'], unique: true }, { fields: ['libraryRegionCode', 'code'] }],
  label: { zh: '品目', en: 'Category' },
  jurisdiction: { kind: 'library', field: 'libraryRegionCode' },
  fields: {
    id: autoId(),
    libraryId: reference('agreement_libraries', 'id', integer({ zh: '商品库', en: 'Library' })),
    libraryRegionCode: reference('regions', 'code', text(6, { zh: '商品库辖区', en: 'Library jurisdiction' })),
    code: text(20, { zh: '品目编码', en: 'Category code' }),
    name: text(100, { zh: '品目名称', en: 'Category name' }),
    parentCode: text(20, { zh: '上级品目编码', en: 'Parent category code' }, { nullable: true }),
    level: integer({ zh: '层级', en: 'Level' }),
    isLeaf: boolean({ zh: '最末级', en: 'Leaf' }),
    title: text(200, { zh: '品目', en: 'Category' }),
    ...timestamps({ createdAt: { zh: '创建时间', en: 'Created at' } }),
  },
});
