import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { SUPERVISION_CASE } from '../../records/supervision-case.record.js';

/** A supervision case (监管案件) opened from red flags. */
export class SupervisionCase extends recordModel(SUPERVISION_CASE) {
  static initialize(sequelize: Sequelize): void {
    initRecord(SupervisionCase, sequelize, SUPERVISION_CASE);
  }
}
