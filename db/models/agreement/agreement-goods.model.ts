import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AGREEMENT_GOODS } from '../../records/agreement-goods.record.js';

/** Goods (商品) of a library, under a leaf category, offered by one of its suppliers. */
export class AgreementGoods extends recordModel(AGREEMENT_GOODS) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AgreementGoods, sequelize, AGREEMENT_GOODS);
  }
}
