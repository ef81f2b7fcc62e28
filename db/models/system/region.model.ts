import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { REGION } from '../../records/region.record.js';

export type RegionLevel = AttributesOf<typeof REGION>['level'];

export class Region extends recordModel(REGION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(Region, sequelize, REGION, { timestamps: false });
  }
}
