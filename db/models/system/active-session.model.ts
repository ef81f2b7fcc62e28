import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { ACTIVE_SESSION } from '../../records/active-session.record.js';

/** 在线会话, read from the `active_sessions` view; a session is ended through services/sessions.ts, never written here. */
export class ActiveSession extends recordModel(ACTIVE_SESSION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ActiveSession, sequelize, ACTIVE_SESSION, { timestamps: false });
  }
}
