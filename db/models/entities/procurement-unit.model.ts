import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PROCUREMENT_UNIT } from '../../records/procurement-unit.record.js';
import { dispatchJob } from '../../../queue/job-dispatch.js';
import { JOBS, QUEUES } from '../../../queue/queue-names.js';

export type UnitStatus = AttributesOf<typeof PROCUREMENT_UNIT>['status'];

export class ProcurementUnit extends recordModel(PROCUREMENT_UNIT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ProcurementUnit, sequelize, PROCUREMENT_UNIT, {
      hooks: {
        // Budgets, vouchers and the budget-code verdict hang on a unit's identity; re-link once the change is committed.
        afterUpdate: (unit, options) => {
          const identity = ['unitBudgetCode', 'creditCode', 'name'] as const;
          if (!identity.some((field) => unit.changed(field))) return;
          const scope = {
            unitBudgetCodes: [unit.unitBudgetCode, unit.previous('unitBudgetCode')].filter(Boolean) as string[],
            creditCodes: [unit.creditCode],
            unitNames: [unit.name],
          };
          const enqueue = () => void dispatchJob(QUEUES.integration, JOBS.linkUnits, scope).catch(() => undefined);
          if (options.transaction) options.transaction.afterCommit(enqueue);
          else enqueue();
        },
      },
    });
  }
}
