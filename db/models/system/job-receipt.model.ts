import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One row per diagnostic job run: lets an operator (and the tests) see which worker took which job, and only once. */
export class JobReceipt extends Model<InferAttributes<JobReceipt>, InferCreationAttributes<JobReceipt>> {
  declare id: CreationOptional<number>;
  declare jobId: string;
  declare queue: string;
  declare workerPid: number;
  declare createdAt: CreationOptional<Date>;

  static initialize(sequelize: Sequelize): void {
    JobReceipt.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        jobId: { type: DataTypes.STRING(100), allowNull: false, unique: true },
        queue: { type: DataTypes.STRING(50), allowNull: false },
        workerPid: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'job_receipts', underscored: true, updatedAt: false },
    );
  }
}
