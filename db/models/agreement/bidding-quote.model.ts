import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { BIDDING_QUOTE } from '../../records/bidding-quote.record.js';

/** One participant's quote in a bidding. */
export class BiddingQuote extends recordModel(BIDDING_QUOTE) {
  static initialize(sequelize: Sequelize): void {
    initRecord(BiddingQuote, sequelize, BIDDING_QUOTE);
  }
}
