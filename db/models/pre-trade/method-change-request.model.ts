import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { METHOD_CHANGE_REQUEST } from '../../records/method-change-request.record.js';

/** A request to procure other than by public tender (采购方式变更审批), decided at city level or above. */
export class MethodChangeRequest extends recordModel(METHOD_CHANGE_REQUEST) {
  static initialize(sequelize: Sequelize): void {
    initRecord(MethodChangeRequest, sequelize, METHOD_CHANGE_REQUEST);
  }
}
