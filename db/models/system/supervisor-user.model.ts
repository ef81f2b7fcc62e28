import type { Sequelize } from 'sequelize';
import { tryRegionLevel } from '../../../domain/jurisdiction.js';
import { roleRegionMismatch } from '../../../domain/user-rules.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { SUPERVISOR_USER } from '../../records/supervisor-user.record.js';

export class SupervisorUser extends recordModel(SUPERVISOR_USER) {
  static secretFields = ['passwordHash'] as const;

  static initialize(sequelize: Sequelize): void {
    initRecord(SupervisorUser, sequelize, SUPERVISOR_USER, {
      validate: {
        // Whoever creates a user (the panel, seeds, a script) cannot store one whose role and region disagree.
        // Only a change to either is checked, so a user stored before this rule can still sign in (login writes
        // lastLoginAt); a bulk update naming neither field has nothing to check.
        roleFitsRegion(this: SupervisorUser) {
          if (this.role === undefined || this.regionCode === undefined) return;
          if (!this.isNewRecord && !this.changed('role') && !this.changed('regionCode')) return;
          const mismatch = roleRegionMismatch(this.role, tryRegionLevel(this.regionCode));
          if (mismatch) throw new Error(mismatch);
        },
      },
    });
  }
}
