import type { Sequelize } from 'sequelize';
import { trackUserRights } from './models/system/user-rights.js';
import { trackPasswordChanges } from './models/system/password-changes.js';
import { PasswordHistory } from './models/system/password-history.model.js';
import { Affiliation } from './models/entities/affiliation.model.js';
import { ProcurementUnit } from './models/entities/procurement-unit.model.js';
import { AcceptanceFiling } from './models/filings/acceptance-filing.model.js';
import { ContractFiling } from './models/filings/contract-filing.model.js';
import { PaymentMiddleRecord } from './models/filings/payment-middle-record.model.js';
import { IntegrationBudget } from './models/integration/integration-budget.model.js';
import { IntegrationInbox, IntegrationInboxPayload } from './models/integration/integration-inbox.model.js';
import { IntegrationUnit } from './models/integration/integration-unit.model.js';
import { PaymentVoucher } from './models/integration/payment-voucher.model.js';
import { AgreementCategory } from './models/agreement/agreement-category.model.js';
import { AgreementGoods } from './models/agreement/agreement-goods.model.js';
import { AgreementLibrary } from './models/agreement/agreement-library.model.js';
import { AgreementSupplier } from './models/agreement/agreement-supplier.model.js';
import { BiddingQuote } from './models/agreement/bidding-quote.model.js';
import { BiddingRecord } from './models/agreement/bidding-record.model.js';
import { FailedTenderHandling } from './models/anomalies/failed-tender-handling.model.js';
import { PreAwardAnomaly } from './models/anomalies/pre-award-anomaly.model.js';
import { Announcement } from './models/announcements/announcement.model.js';
import { ImportProductRequest } from './models/pre-trade/import-product-request.model.js';
import { MethodChangeRequest } from './models/pre-trade/method-change-request.model.js';
import { ProcurementIntention } from './models/pre-trade/procurement-intention.model.js';
import { ExpertSpecialtyReview } from './models/experts/expert-specialty-review.model.js';
import { Expert } from './models/experts/expert.model.js';
import { ExpertAssignment } from './models/experts/expert-assignment.model.js';
import { AnnouncementAttachment } from './models/announcements/announcement-attachment.model.js';
import { PaymentApplication } from './models/payments/payment-application.model.js';
import { BudgetOverview } from './models/plan/budget-overview.model.js';
import { ProcurementProject } from './models/plan/procurement-project.model.js';
import { ProjectBudgetLine } from './models/plan/project-budget-line.model.js';
import { VirtualBudget } from './models/plan/virtual-budget.model.js';
import { AwardNotice } from './models/queries/award-notice.model.js';
import { PostAwardRecord } from './models/queries/post-award-record.model.js';
import { SupplierRegistration } from './models/queries/supplier-registration.model.js';
import { AuditLog } from './models/system/audit-log.model.js';
import { AuditVerification } from './models/system/audit-verification.model.js';
import { DataExport, ExportFileChunk } from './models/system/data-export.model.js';
import { Escalation } from './models/system/escalation.model.js';
import { JobReceipt } from './models/system/job-receipt.model.js';
import { LoginAttempt } from './models/system/login-attempt.model.js';
import { ActiveSession } from './models/system/active-session.model.js';
import { Session } from './models/system/session.model.js';
import { Region } from './models/system/region.model.js';
import { SupervisorUser } from './models/system/supervisor-user.model.js';
import { CaseEntry } from './models/risk/case-entry.model.js';
import { RiskFlag } from './models/risk/risk-flag.model.js';
import { SupervisionCase } from './models/risk/supervision-case.model.js';

export {
  CaseEntry,
  RiskFlag,
  SupervisionCase,
  ActiveSession,
  Session,
  DataExport,
  ExportFileChunk,
  Escalation,
  ImportProductRequest,
  MethodChangeRequest,
  ProcurementIntention,
  Expert,
  ExpertAssignment,
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
  AuditVerification,
  ContractFiling,
  IntegrationBudget,
  IntegrationInbox,
  IntegrationInboxPayload,
  IntegrationUnit,
  JobReceipt,
  LoginAttempt,
  PasswordHistory,
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
    PasswordHistory,
    Session,
    ActiveSession,
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
    ExpertAssignment,
    ProcurementIntention,
    MethodChangeRequest,
    ImportProductRequest,
    Escalation,
    DataExport,
    ExportFileChunk,
    AuditVerification,
    SupervisionCase,
    CaseEntry,
    RiskFlag,
  ]) {
    model.initialize(sequelize);
  }
  trackUserRights();
  trackPasswordChanges();
  SupervisorUser.belongsTo(Region, { foreignKey: 'regionCode', targetKey: 'code', as: 'region', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'subordinateUnitId', as: 'subordinate', constraints: false });
  Affiliation.belongsTo(ProcurementUnit, { foreignKey: 'supervisingUnitId', as: 'supervising', constraints: false });
  ContractFiling.hasOne(AcceptanceFiling, { foreignKey: 'contractFilingId', as: 'acceptance', constraints: false });
}

/** The payment intermediate database's model lives on its own connection. */
export function initMiddleModels(middle: Sequelize): void {
  PaymentMiddleRecord.initialize(middle);
}
