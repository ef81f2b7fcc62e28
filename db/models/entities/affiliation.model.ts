import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AFFILIATION } from '../../records/affiliation.record.js';

export type AffiliationStatus = AttributesOf<typeof AFFILIATION>['status'];

export class Affiliation extends recordModel(AFFILIATION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(Affiliation, sequelize, AFFILIATION);
  }
}
