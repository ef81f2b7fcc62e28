import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { CONTRACT_FILING } from '../../records/contract-filing.record.js';

export type FilingKind = AttributesOf<typeof CONTRACT_FILING>['kind'];
export type PushStatus = AttributesOf<typeof CONTRACT_FILING>['pushStatus'];

/** A contract filing (合同备案) made by a supervising budget unit; what gets pushed to the payment system. */
export class ContractFiling extends recordModel(CONTRACT_FILING) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ContractFiling, sequelize, CONTRACT_FILING);
  }
}
