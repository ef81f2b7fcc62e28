import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { CASE_ENTRY } from '../../records/case-entry.record.js';

/** A question put to the purchasing unit in a case (质询), or its answer (答复). */
export class CaseEntry extends recordModel(CASE_ENTRY) {
  static initialize(sequelize: Sequelize): void {
    initRecord(CaseEntry, sequelize, CASE_ENTRY);
  }
}
