import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../db/record/field-types.js';
import { initRecord, recordModel } from '../../db/record/record-model.js';
import { AFFILIATION } from '../../db/records/affiliation.record.js';

export type AffiliationStatus = AttributesOf<typeof AFFILIATION>['status'];

export class Affiliation extends recordModel(AFFILIATION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(Affiliation, sequelize, AFFILIATION);
  }
}
