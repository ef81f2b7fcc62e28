import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AGREEMENT_LIBRARY } from '../../records/agreement-library.record.js';

/** A goods library (商品库) owned by a city, a county that built its own, or 省本级. */
export class AgreementLibrary extends recordModel(AGREEMENT_LIBRARY) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AgreementLibrary, sequelize, AGREEMENT_LIBRARY);
  }
}
