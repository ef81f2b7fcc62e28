import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { DATA_EXPORT, EXPORT_FILE_CHUNK } from '../../records/data-export.record.js';

/** An Excel export asked for by one user: the list's filters and sort, its progress and its file (kept 24 h). */
export class DataExport extends recordModel(DATA_EXPORT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(DataExport, sequelize, DATA_EXPORT);
  }
}

/** One piece of a finished export's file, read back in `seq` order. */
export class ExportFileChunk extends recordModel(EXPORT_FILE_CHUNK) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ExportFileChunk, sequelize, EXPORT_FILE_CHUNK, { timestamps: false });
  }
}
