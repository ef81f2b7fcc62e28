import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { BudgetCodeVerdict } from '../../../domain/budget-code-verdict.js';
import { validateCreditCode } from '../../../domain/credit-code.js';
import { dispatchJob } from '../../../queue/job-dispatch.js';
import { JOBS, QUEUES } from '../../../queue/queue-names.js';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export type UnitStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export class ProcurementUnit extends Model<InferAttributes<ProcurementUnit>, InferCreationAttributes<ProcurementUnit>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare creditCode: string;
  declare unitBudgetCode: string;
  declare regionCode: string;
  declare address: string | null;
  declare contactName: string | null;
  declare phone: string | null;
  declare status: UnitStatus;
  declare formalMember: CreationOptional<boolean>;
  declare integrationBudgetCode: string | null;
  declare budgetCodeVerdict: CreationOptional<BudgetCodeVerdict>;
  declare submittedAt: Date | null;
  declare reviewedAt: CreationOptional<Date | null>;
  declare reviewerName: CreationOptional<string | null>;
  declare reviewComment: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare dueDate: CreationOptional<string | null>;
  declare overdueDays: CreationOptional<number>;
  declare overdue: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    ProcurementUnit.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        name: { type: DataTypes.STRING(200), allowNull: false },
        creditCode: {
          type: DataTypes.STRING(18),
          allowNull: false,
          validate: {
            checksum(value: string) {
              const result = validateCreditCode(value);
              if (!result.valid) throw new Error(result.message);
            },
          },
        },
        unitBudgetCode: { type: DataTypes.STRING(50), allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        address: { type: DataTypes.STRING(300), allowNull: true },
        contactName: { type: DataTypes.STRING(50), allowNull: true },
        phone: { type: DataTypes.STRING(30), allowNull: true },
        status: { type: DataTypes.ENUM('draft', 'submitted', 'approved', 'returned'), allowNull: false },
        formalMember: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        integrationBudgetCode: { type: DataTypes.STRING(50), allowNull: true },
        budgetCodeVerdict: {
          type: DataTypes.ENUM('match', 'mismatch', 'missing'),
          allowNull: false,
          defaultValue: 'missing',
        },
        submittedAt: { type: DataTypes.DATE, allowNull: true },
        reviewedAt: { type: DataTypes.DATE, allowNull: true },
        reviewerName: { type: DataTypes.STRING(50), allowNull: true },
        reviewComment: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        ...DEADLINE_ATTRIBUTES,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'procurement_units',
        underscored: true,
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
      },
    );
  }
}
