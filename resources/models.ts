import type { Sequelize } from 'sequelize';
import { Affiliation } from './entities/affiliation.model.js';
import { ProcurementUnit } from './entities/procurement-unit.model.js';
import { ContractFiling } from './filings/contract-filing.model.js';
import { IntegrationBudget } from './integration/integration-budget.model.js';
import { IntegrationInbox, IntegrationInboxPayload } from './integration/integration-inbox.model.js';
import { IntegrationUnit } from './integration/integration-unit.model.js';
import { PaymentVoucher } from './integration/payment-voucher.model.js';
import { AuditLog } from './system/audit-log.model.js';
import { JobReceipt } from './system/job-receipt.model.js';
import { LoginAttempt } from './system/login-attempt.model.js';
import { Region } from './system/region.model.js';
import { SupervisorUser } from './system/supervisor-user.model.js';

export {
  Affiliation, AuditLog, ContractFiling, IntegrationBudget, IntegrationInbox, IntegrationInboxPayload, IntegrationUnit,
  JobReceipt, LoginAttempt, PaymentVoucher, ProcurementUnit, Region, SupervisorUser,
};

/** Binds every model to one connection; called once per process (web, worker, CLI) before any query. */
export function initModels(sequelize: Sequelize): void {
  for (const model of [
    Region, SupervisorUser, AuditLog, LoginAttempt, JobReceipt, IntegrationUnit, ProcurementUnit, Affiliation,
    IntegrationBudget, PaymentVoucher, IntegrationInbox, IntegrationInboxPayload, ContractFiling,
  ]) {
    model.initialize(sequelize);
  }
  SupervisorUser.belongsTo(Region, { foreignKey: 'regionCode', targetKey: 'code', as: 'region', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'subordinateUnitId', as: 'subordinate', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'supervisingUnitId', as: 'supervising', constraints: false });
}
