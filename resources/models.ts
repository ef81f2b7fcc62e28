import type { Sequelize } from 'sequelize';
import { trackUserRights } from './system/user-rights.js';
import { Affiliation } from './entities/affiliation.model.js';
import { ProcurementUnit } from './entities/procurement-unit.model.js';
import { AcceptanceFiling } from './filings/acceptance-filing.model.js';
import { ContractFiling } from './filings/contract-filing.model.js';
import { PaymentMiddleRecord } from './filings/payment-middle-record.model.js';
import { IntegrationBudget } from './integration/integration-budget.model.js';
import { IntegrationInbox, IntegrationInboxPayload } from './integration/integration-inbox.model.js';
import { IntegrationUnit } from './integration/integration-unit.model.js';
import { PaymentVoucher } from './integration/payment-voucher.model.js';
import { AgreementCategory } from './agreement/agreement-category.model.js';
import { AgreementGoods } from './agreement/agreement-goods.model.js';
import { AgreementLibrary } from './agreement/agreement-library.model.js';
import { AgreementSupplier } from './agreement/agreement-supplier.model.js';
import { BiddingQuote } from './agreement/bidding-quote.model.js';
import { BiddingRecord } from './agreement/bidding-record.model.js';
import { FailedTenderHandling } from './anomalies/failed-tender-handling.model.js';
import { PreAwardAnomaly } from './anomalies/pre-award-anomaly.model.js';
import { Announcement } from './announcements/announcement.model.js';
import { ImportProductRequest } from './pre-trade/import-product-request.model.js';
import { MethodChangeRequest } from './pre-trade/method-change-request.model.js';
import { ProcurementIntention } from './pre-trade/procurement-intention.model.js';
import { ExpertSpecialtyReview } from './experts/expert-specialty-review.model.js';
import { Expert } from './experts/expert.model.js';
import { AnnouncementAttachment } from './announcements/announcement-attachment.model.js';
import { PaymentApplication } from './payments/payment-application.model.js';
import { BudgetOverview } from './plan/budget-overview.model.js';
import { ProcurementProject } from './plan/procurement-project.model.js';
import { ProjectBudgetLine } from './plan/project-budget-line.model.js';
import { VirtualBudget } from './plan/virtual-budget.model.js';
import { AwardNotice } from './queries/award-notice.model.js';
import { PostAwardRecord } from './queries/post-award-record.model.js';
import { SupplierRegistration } from './queries/supplier-registration.model.js';
import { AuditLog } from './system/audit-log.model.js';
import { DataExport } from './system/data-export.model.js';
import { Escalation } from './system/escalation.model.js';
import { JobReceipt } from './system/job-receipt.model.js';
import { LoginAttempt } from './system/login-attempt.model.js';
import { Region } from './system/region.model.js';
import { SupervisorUser } from './system/supervisor-user.model.js';

export {
  DataExport,
  Escalation,
  ImportProductRequest,
  MethodChangeRequest,
  ProcurementIntention,
  Expert,
  ExpertSpecialtyReview,
  FailedTenderHandling,
  PreAwardAnomaly,
  AgreementCategory,
  AgreementGoods,
  AgreementLibrary,
  AgreementSupplier,
  BiddingQuote,
  BiddingRecord,
  Announcement,
  AnnouncementAttachment,
  AwardNotice,
  BudgetOverview,
  PaymentApplication,
  PostAwardRecord,
  ProcurementProject,
  ProjectBudgetLine,
  SupplierRegistration,
  VirtualBudget,
  AcceptanceFiling,
  Affiliation,
  PaymentMiddleRecord,
  AuditLog,
  ContractFiling,
  IntegrationBudget,
  IntegrationInbox,
  IntegrationInboxPayload,
  IntegrationUnit,
  JobReceipt,
  LoginAttempt,
  PaymentVoucher,
  ProcurementUnit,
  Region,
  SupervisorUser,
};

/** Binds every model to one connection; called once per process (web, worker, CLI) before any query. */
export function initModels(sequelize: Sequelize): void {
  for (const model of [
    Region,
    SupervisorUser,
    AuditLog,
    LoginAttempt,
    JobReceipt,
    IntegrationUnit,
    ProcurementUnit,
    Affiliation,
    IntegrationBudget,
    PaymentVoucher,
    IntegrationInbox,
    IntegrationInboxPayload,
    ContractFiling,
    AcceptanceFiling,
    VirtualBudget,
    BudgetOverview,
    ProcurementProject,
    ProjectBudgetLine,
    Announcement,
    AnnouncementAttachment,
    SupplierRegistration,
    AwardNotice,
    PostAwardRecord,
    PaymentApplication,
    AgreementLibrary,
    AgreementCategory,
    AgreementSupplier,
    AgreementGoods,
    BiddingRecord,
    BiddingQuote,
    FailedTenderHandling,
    PreAwardAnomaly,
    Expert,
    ExpertSpecialtyReview,
    ProcurementIntention,
    MethodChangeRequest,
    ImportProductRequest,
    Escalation,
    DataExport,
  ]) {
    model.initialize(sequelize);
  }
  trackUserRights();
  SupervisorUser.belongsTo(Region, { foreignKey: 'regionCode', targetKey: 'code', as: 'region', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'subordinateUnitId', as: 'subordinate', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'supervisingUnitId', as: 'supervising', constraints: false });
  ContractFiling.hasOne(AcceptanceFiling, { foreignKey: 'contractFilingId', as: 'acceptance', constraints: false });
}

/** The payment intermediate database's model lives on its own connection. */
export function initMiddleModels(middle: Sequelize): void {
  PaymentMiddleRecord.initialize(middle);
}
