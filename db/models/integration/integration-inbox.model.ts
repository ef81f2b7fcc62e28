import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { IntegrationKind, ItemRejection } from '../../../domain/integration-items.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export type BatchState = 'received' | 'processing' | 'done' | 'failed';

/** One batch as received from the 一体化 platform: stored before the 202 so an accepted batch is never lost. */
export class IntegrationInbox extends Model<InferAttributes<IntegrationInbox>, InferCreationAttributes<IntegrationInbox>> {
  declare id: string;
  declare kind: IntegrationKind;
  declare state: BatchState;
  declare appKey: string;
  declare signature: string;
  declare itemCount: number;
  declare acceptedCount: number;
  declare rejectedCount: number;
  declare appliedCount: CreationOptional<number>;
  declare unchangedCount: CreationOptional<number>;
  declare failedCount: CreationOptional<number>;
  declare itemErrors: string | null;
  declare lastError: CreationOptional<string | null>;
  declare attempts: CreationOptional<number>;
  declare replayCount: CreationOptional<number>;
  declare receivedAt: Date;
  declare startedAt: CreationOptional<Date | null>;
  declare finishedAt: CreationOptional<Date | null>;
  declare version: CreationOptional<number>;

  static jurisdiction: JurisdictionKind = { kind: 'admin' };

  /** Errors found when the batch arrived, then those found while applying it (e.g. an unknown region code). */
  errors(): ItemRejection[] {
    return this.itemErrors ? (JSON.parse(this.itemErrors) as ItemRejection[]) : [];
  }

  static initialize(sequelize: Sequelize): void {
    IntegrationInbox.init(
      {
        id: { type: DataTypes.STRING(36), primaryKey: true },
        kind: { type: DataTypes.ENUM('budgets', 'units', 'payment-vouchers'), allowNull: false },
        state: { type: DataTypes.ENUM('received', 'processing', 'done', 'failed'), allowNull: false },
        appKey: { type: DataTypes.STRING(64), allowNull: false },
        signature: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        itemCount: { type: DataTypes.INTEGER, allowNull: false },
        acceptedCount: { type: DataTypes.INTEGER, allowNull: false },
        rejectedCount: { type: DataTypes.INTEGER, allowNull: false },
        appliedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        unchangedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        failedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        itemErrors: { type: DataTypes.TEXT, allowNull: true },
        lastError: { type: DataTypes.TEXT, allowNull: true },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        replayCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        receivedAt: { type: DataTypes.DATE, allowNull: false },
        startedAt: { type: DataTypes.DATE, allowNull: true },
        finishedAt: { type: DataTypes.DATE, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      },
      { sequelize, tableName: 'integration_inbox', underscored: true, timestamps: false },
    );
  }
}

/** The raw body of a batch, exactly as signed. */
export class IntegrationInboxPayload extends Model<
  InferAttributes<IntegrationInboxPayload>,
  InferCreationAttributes<IntegrationInboxPayload>
> {
  declare batchId: string;
  declare body: string;

  static jurisdiction: JurisdictionKind = { kind: 'admin' };

  static initialize(sequelize: Sequelize): void {
    IntegrationInboxPayload.init(
      {
        batchId: { type: DataTypes.STRING(36), primaryKey: true },
        body: { type: DataTypes.TEXT, allowNull: false },
      },
      { sequelize, tableName: 'integration_inbox_payloads', underscored: true, timestamps: false },
    );
  }
}
