import { DataTypes } from 'sequelize';

/** The columns a record that waits for a supervisor carries; refreshDeadlines keeps them current. */
export const DEADLINE_ATTRIBUTES = {
  dueDate: { type: DataTypes.DATEONLY, allowNull: true },
  overdueDays: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  overdue: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
};
