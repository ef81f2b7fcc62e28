import type { Sequelize } from 'sequelize';
import { Affiliation } from './entities/affiliation.model.js';
import { ProcurementUnit } from './entities/procurement-unit.model.js';
import { AcceptanceFiling } from './filings/acceptance-filing.model.js';
import { ContractFiling } from './filings/contract-filing.model.js';
import { PaymentMiddleRecord } from './filings/payment-middle-record.model.js';
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
  AcceptanceFiling, Affiliation, PaymentMiddleRecord, AuditLog, ContractFiling, IntegrationBudget, IntegrationInbox, IntegrationInboxPayload, IntegrationUnit,
  JobReceipt, LoginAttempt, PaymentVoucher, ProcurementUnit, Region, SupervisorUser,
};

/** Binds every model to one connection; called once per process (web, worker, CLI) before any query. */
export function initModels(sequelize: Sequelize): void {
  for (const model of [
    Region, SupervisorUser, AuditLog, LoginAttempt, JobReceipt, IntegrationUnit, ProcurementUnit, Affiliation,
    IntegrationBudget, PaymentVoucher, IntegrationInbox, IntegrationInboxPayload, ContractFiling, AcceptanceFiling,
  ]) {
    model.initialize(sequelize);
  }
  SupervisorUser.belongsTo(Region, { foreignKey: 'regionCode', targetKey: 'code', as: 'region', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'subordinateUnitId', as: 'subordinate', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'supervisingUnitId', as: 'supervising', constraints: false });
  ContractFiling.hasOne(AcceptanceFiling, { foreignKey: 'contractFilingId', as: 'acceptance', constraints: false });
}

/** The payment intermediate database's model lives on its own connection. */
export function initMiddleModels(middle: Sequelize): void {
  PaymentMiddleRecord.initialize(middle);
}
