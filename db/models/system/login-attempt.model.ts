import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { LOGIN_ATTEMPT } from '../../records/login-attempt.record.js';

export const LOGIN_OUTCOMES = LOGIN_ATTEMPT.fields.outcome.values;
export type LoginOutcome = NonNullable<AttributesOf<typeof LOGIN_ATTEMPT>['outcome']>;

/** Failed logins live in the database so that every web instance counts the same attempts. */
export class LoginAttempt extends recordModel(LOGIN_ATTEMPT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(LoginAttempt, sequelize, LOGIN_ATTEMPT, { updatedAt: false });
  }
}
