import { BIDDING_STATUS_LABELS } from '../../domain/agreement-library.js';
import { timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, bilingual, choice, integer, longText, moment, money, reference, text } from '../record/fields.js';

/** A bidding or quotation (竞价/报价) held in a library for a purchaser's project. */
export const BIDDING_RECORD = declareRecord({
  name: 'BiddingRecord',
  table: 'bidding_records',
  large: true,
  indexes: [{ fields: ['libraryRegionCode', 'status', 'endAt'] }, ...trigramIndexes('biddingNo', 'projectName', 'purchaserName')],
  label: { zh: '竞价记录', en: 'Bidding' },
  jurisdiction: { kind: 'library', field: 'libraryRegionCode' },
  fields: {
    id: autoId(),
    biddingNo: text(64, { zh: '竞价编号', en: 'Bidding no.' }, { unique: true }),
    projectName: text(300, { zh: '采购项目', en: 'Procurement project' }),
    purchaserName: text(200, { zh: '采购人', en: 'Purchaser' }),
    regionCode: reference('regions', 'code', text(6, { zh: '采购人辖区', en: "Purchaser's jurisdiction" })),
    libraryId: reference('agreement_libraries', 'id', integer({ zh: '商品库', en: 'Library' })),
    libraryRegionCode: reference('regions', 'code', text(6, { zh: '商品库辖区', en: 'Library jurisdiction' })),
    goodsId: reference('agreement_goods', 'id', integer({ zh: '商品', en: 'Goods' }, { nullable: true })),
    goodsSummary: text(300, { zh: '采购内容', en: 'What is procured' }),
    quantity: integer({ zh: '数量', en: 'Quantity' }),
    ceilingPrice: money({ zh: '最高限价（元）', en: 'Ceiling price (yuan)' }),
    status: choice(
      bilingual(BIDDING_STATUS_LABELS, { bidding: 'Bidding', quoting: 'Quoting', ended: 'Ended', returned: 'Returned' }),
      {
        zh: '状态',
        en: 'Status',
      },
      { tones: { bidding: 'progress', quoting: 'progress', ended: 'done', returned: 'refused' } },
    ),
    startAt: moment({ zh: '开始时间', en: 'Starts at' }),
    endAt: moment({ zh: '结束时间', en: 'Ends at' }),
    participantCount: integer({ zh: '参与供应商数', en: 'Participating suppliers' }, { default: 0 }),
    lowestQuote: money({ zh: '最低报价（元）', en: 'Lowest quote (yuan)' }, { nullable: true }),
    winningSupplierName: text(200, { zh: '成交供应商', en: 'Winning supplier' }, { nullable: true }),
    returnedAt: moment({ zh: '退回时间', en: 'Returned at' }, { nullable: true }),
    returnReason: longText({ zh: '退回原因', en: 'Reason for return' }, { nullable: true }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...timestamps(),
  },
});
