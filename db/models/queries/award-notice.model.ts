import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AWARD_NOTICE } from '../../records/award-notice.record.js';

/** An award notice (中标通知书), of an entrusted procurement or of a unit's self-run procurement. */
export class AwardNotice extends recordModel(AWARD_NOTICE) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AwardNotice, sequelize, AWARD_NOTICE);
  }
}
