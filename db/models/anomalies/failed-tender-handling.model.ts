import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { FAILED_TENDER_HANDLING } from '../../records/failed-tender-handling.record.js';

/** A failed tender's handling (废标处理): re-tender, or change of method, approved by the unit and, when the rule says so, confirmed by the office. */
export class FailedTenderHandling extends recordModel(FAILED_TENDER_HANDLING) {
  static initialize(sequelize: Sequelize): void {
    initRecord(FailedTenderHandling, sequelize, FAILED_TENDER_HANDLING);
  }
}
