import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { POST_AWARD_RECORD } from '../../records/post-award-record.record.js';

/** Post-award data (标后数据): how the winning supplier's contract was signed, accepted, paid and judged. */
export class PostAwardRecord extends recordModel(POST_AWARD_RECORD) {
  static initialize(sequelize: Sequelize): void {
    initRecord(PostAwardRecord, sequelize, POST_AWARD_RECORD);
  }
}
