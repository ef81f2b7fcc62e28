import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { DATA_EXPORT } from '../../records/data-export.record.js';

/** An Excel export asked for by one user: the list's filters and sort, its progress and its file (kept 24 h). */
export class DataExport extends recordModel(DATA_EXPORT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(DataExport, sequelize, DATA_EXPORT);
  }
}
