import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { BIDDING_RECORD } from '../../records/bidding-record.record.js';

/** A bidding or quotation (竞价/报价) held in a library for a purchaser's project. */
export class BiddingRecord extends recordModel(BIDDING_RECORD) {
  static initialize(sequelize: Sequelize): void {
    initRecord(BiddingRecord, sequelize, BIDDING_RECORD);
  }
}
