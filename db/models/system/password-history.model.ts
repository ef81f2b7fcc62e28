import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PASSWORD_HISTORY } from '../../records/password-history.record.js';

/** The hashes of an account's earlier passwords, newest last (db/models/system/password-changes.ts writes them). */
export class PasswordHistory extends recordModel(PASSWORD_HISTORY) {
  static secretFields = ['passwordHash'] as const;

  static initialize(sequelize: Sequelize): void {
    initRecord(PasswordHistory, sequelize, PASSWORD_HISTORY, { updatedAt: false });
  }
}
