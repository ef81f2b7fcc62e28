import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, integer, longText, money, reference, text } from '../record/fields.js';

/** Goods (商品) of a library, under a leaf category, offered by one of its suppliers. */
export const AGREEMENT_GOODS = declareRecord({
  name: 'AgreementGoods',
  table: 'agreement_goods',
  large: true,
  indexes: [{ fields: ['libraryRegionCode', 'categoryId'] }, { fields: ['supplierId'] }, ...trigramIndexes('name', 'brand', 'modelNo')],
  label: { zh: '商品', en: 'Goods' },
  jurisdiction: { kind: 'library', field: 'libraryRegionCode' },
  fields: {
    id: autoId(),
    libraryId: reference('agreement_libraries', 'id', integer({ zh: '商品库', en: 'Library' })),
    libraryRegionCode: reference('regions', 'code', text(6, { zh: '商品库辖区', en: 'Library jurisdiction' })),
    categoryId: reference('agreement_categories', 'id', integer({ zh: '品目', en: 'Category' })),
    name: text(200, { zh: '商品名称', en: 'Goods name' }),
    brand: text(100, { zh: '品牌', en: 'Brand' }),
    modelNo: text(100, { zh: '型号', en: 'Model' }),
    specification: longText({ zh: '规格参数', en: 'Specification' }, { nullable: true }),
    unitPrice: money({ zh: '协议单价（元）', en: 'Agreement unit price (yuan)' }),
    supplierId: reference('agreement_suppliers', 'id', integer({ zh: '协议供应商', en: 'Agreement supplier' })),
    createdBy: text(64, { zh: '添加人', en: 'Added by' }, { codeOf: 'user' }),
    ...timestamps({ createdAt: { zh: '添加时间', en: 'Added at' }, updatedAt: { zh: '更新时间', en: 'Updated at' } }),
  },
});
