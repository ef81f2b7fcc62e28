import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { JOB_RECEIPT } from '../../records/job-receipt.record.js';

/** One row per diagnostic job run: lets an operator (and the tests) see which worker took which job, and only once. */
export class JobReceipt extends recordModel(JOB_RECEIPT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(JobReceipt, sequelize, JOB_RECEIPT, { updatedAt: false });
  }
}
