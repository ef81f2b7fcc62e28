import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { BIDDING_STATUS_LABELS, biddingReturnRefusal } from '../../domain/agreement-library.js';
import { effectiveBiddingStatus } from '../../domain/agreement-time-states.js';
import { canAct } from '../../domain/jurisdiction.js';
import { chinaTime } from '../../domain/dates.js';
import { regionLabel } from '../../services/office-names.js';
import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { BIDDING_RECORD } from '../../db/records/bidding-record.record.js';
import { BiddingQuote } from '../../db/models/agreement/bidding-quote.model.js';
import { BiddingRecord } from '../../db/models/agreement/bidding-record.model.js';
import { biddingStatusNow, timeDerivedStatusFeature } from './time-derived-status.js';

const returnBidding: SupervisoryActionSpec<BiddingRecord> = {
  name: 'returnBidding',
  label: '退回竞价/报价',
  resourceId: 'BiddingRecord',
  model: BiddingRecord,
  // Running ones are let through to `inspect`, which answers in the manual's words rather than the generic state message.
  from: ['bidding', 'quoting', 'ended'],
  stateLabels: choiceLabels(BIDDING_RECORD.fields.status, 'zh'),
  reason: 'required',
  // The purchaser's own office, or the office that runs the library the bidding took place in.
  mayAct: (user, bidding) =>
    canAct(user.role, user.regionCode, bidding.regionCode) || canAct(user.role, user.regionCode, bidding.libraryRegionCode)
      ? null
      : `您（${user.regionName}）无权退回该竞价：只有采购人所在辖区（${regionLabel(bidding.regionCode)}）或商品库所属辖区（${regionLabel(bidding.libraryRegionCode)}）的采购办可以退回`,
  inspect: async (bidding, _user, transaction) => {
    const quotes = await BiddingQuote.count({ where: { biddingId: bidding.id }, transaction });
    // A bidding whose end time has passed is over, whatever the stored state still says.
    const status = effectiveBiddingStatus(bidding.status, bidding.endAt, new Date());
    const refusal = biddingReturnRefusal(status);
    return {
      details: [
        { label: '竞价编号', value: bidding.biddingNo },
        { label: '采购项目', value: bidding.projectName },
        { label: '状态', value: BIDDING_STATUS_LABELS[status], tone: refusal ? 'error' : 'ok' },
        { label: '结束时间', value: chinaTime(bidding.endAt) },
        { label: '报价数', value: `${quotes} 家` },
      ],
      ...(refusal && { refusal }),
    };
  },
  apply: (_bidding, { reason, now }) => ({ status: 'returned', returnedAt: now, returnReason: reason }),
  success: (bidding) => `竞价 ${bidding.biddingNo} 已退回`,
  icon: 'CornerUpLeft',
  variant: 'danger',
};

/** 竞价记录: a monitoring list, newest end first; the URL keeps its filters, so a refresh shows the live state. */
export const biddingRecordResource: ResourceDefinition = {
  id: 'BiddingRecord',
  model: BiddingRecord,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  related: [{ resourceId: 'BiddingQuote', foreignKey: 'biddingId' }],
  options: {
    titleProperty: 'biddingNo',
    properties: {
      libraryId: { reference: 'AgreementLibrary' },
      goodsId: { reference: 'AgreementGoods' },
      ceilingPrice: MONEY,
      lowestQuote: MONEY,
      returnReason: { type: 'textarea' },
    },
    actions: supervisoryActions(returnBidding),
  },
  features: [timeDerivedStatusFeature(biddingStatusNow)],
};

/** The quotes of a bidding; reached from the bidding's page. */
export const biddingQuoteResource: ResourceDefinition = {
  id: 'BiddingQuote',
  model: BiddingQuote,
  builtInActions: ['list', 'show'],
  hiddenFromMenu: true,
  options: {
    titleProperty: 'supplierName',
    properties: { biddingId: { reference: 'BiddingRecord' }, supplierId: { reference: 'AgreementSupplier' }, quoteAmount: MONEY },
  },
};
