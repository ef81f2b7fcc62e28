import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, integer, moment, money, reference, text } from '../record/fields.js';

/** One participant's quote in a bidding. */
export const BIDDING_QUOTE = declareRecord({
  name: 'BiddingQuote',
  table: 'bidding_quotes',
  large: true,
  indexes: [{ fields: ['biddingId'] }, { fields: ['supplierId'] }, ...trigramIndexes('supplierName')],
  label: { zh: '报价', en: 'Quote' },
  jurisdiction: { kind: 'library', field: 'libraryRegionCode' },
  fields: {
    id: autoId(),
    biddingId: reference('bidding_records', 'id', integer({ zh: '竞价', en: 'Bidding' })),
    libraryRegionCode: reference('regions', 'code', text(6, { zh: '商品库辖区', en: 'Library jurisdiction' })),
    supplierId: reference('agreement_suppliers', 'id', integer({ zh: '协议供应商', en: 'Agreement supplier' })),
    supplierName: text(200, { zh: '供应商', en: 'Supplier' }),
    quoteAmount: money({ zh: '报价（元）', en: 'Quote (yuan)' }),
    quotedAt: moment({ zh: '报价时间', en: 'Quoted at' }),
    ...timestamps(),
  },
});
