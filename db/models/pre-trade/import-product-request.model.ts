import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { IMPORT_PRODUCT_REQUEST } from '../../records/import-product-request.record.js';

/** A request to buy an imported product (进口产品采购审核), decided at city level or above. */
export class ImportProductRequest extends recordModel(IMPORT_PRODUCT_REQUEST) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ImportProductRequest, sequelize, IMPORT_PRODUCT_REQUEST);
  }
}
