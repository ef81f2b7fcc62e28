import { agreementCategoryResource } from './agreement/agreement-category.resource.js';
import { agreementGoodsResource } from './agreement/agreement-goods.resource.js';
import { agreementLibraryResource } from './agreement/agreement-library.resource.js';
import { agreementSupplierResource } from './agreement/agreement-supplier.resource.js';
import { biddingQuoteResource, biddingRecordResource } from './agreement/bidding-record.resource.js';
import { failedTenderHandlingResource, nonTenderFailedHandlingResource, preAwardAnomalyResource } from './anomalies/anomaly.resources.js';
import { expertResource, expertSpecialtyReviewResource } from './experts/expert.resources.js';
import {
  importProductRequestResource,
  methodChangeRequestResource,
  procurementIntentionResource,
} from './pre-trade/pre-trade.resources.js';
import { announcementResource } from './announcements/announcement.resource.js';
import { affiliationResource } from './entities/affiliation.resource.js';
import { budgetCodeCheckResource, formalMemberUnitResource, procurementUnitResource } from './entities/procurement-unit.resource.js';
import { acceptanceFilingResource } from './filings/acceptance-filing.resource.js';
import { contractFilingResource, manualPushFilingResource } from './filings/contract-filing.resource.js';
import { paymentMiddleRecordResource } from './filings/payment-middle-record.resource.js';
import { integrationBudgetResource } from './integration/integration-budget.resource.js';
import { integrationInboxResource } from './integration/integration-inbox.resource.js';
import { integrationUnitResource } from './integration/integration-unit.resource.js';
import { paymentVoucherResource } from './integration/payment-voucher.resource.js';
import { paymentApplicationResource } from './payments/payment-application.resource.js';
import { budgetOverviewResource } from './plan/budget-overview.resource.js';
import {
  designatedAgencyProjectResource,
  entrustedAgencyProjectResource,
  procurementProjectResource,
  projectAgencyMethodResource,
  projectBudgetLineResource,
  projectOrganisationResource,
} from './plan/procurement-project.resource.js';
import { virtualBudgetResource } from './plan/virtual-budget.resource.js';
import {
  awardNoticeResource,
  postAwardRecordResource,
  selfRunAwardNoticeResource,
  supplierRegistrationResource,
} from './queries/query.resources.js';
import type { ResourceDefinition } from './resource-definition.js';
import { auditLogResource } from './system/audit-log.resource.js';
import { loginAttemptResource } from './system/login-attempt.resource.js';
import { activeSessionResource } from './system/active-session.resource.js';
import { escalationResource } from './system/escalation.resource.js';
import { regionResource } from './system/region.resource.js';
import { supervisorUserResource } from './system/supervisor-user.resource.js';
import { roleGrantResource } from './system/role-grant.resource.js';
import { expertAssignmentResource } from './experts/expert-assignment.resource.js';
import { riskFlagResource } from './risk/risk-flag.resource.js';
import { caseEntryResource, supervisionCaseResource } from './risk/supervision-case.resource.js';

/** Every resource of the panel, in no particular order: menus and their order come from config/resources.yaml. */
export const RESOURCE_DEFINITIONS: readonly ResourceDefinition[] = [
  procurementUnitResource,
  formalMemberUnitResource,
  budgetCodeCheckResource,
  affiliationResource,
  integrationBudgetResource,
  integrationUnitResource,
  paymentVoucherResource,
  integrationInboxResource,
  paymentMiddleRecordResource,
  budgetOverviewResource,
  virtualBudgetResource,
  procurementProjectResource,
  projectOrganisationResource,
  designatedAgencyProjectResource,
  projectAgencyMethodResource,
  entrustedAgencyProjectResource,
  projectBudgetLineResource,
  agreementLibraryResource,
  agreementCategoryResource,
  agreementSupplierResource,
  agreementGoodsResource,
  biddingRecordResource,
  biddingQuoteResource,
  procurementIntentionResource,
  methodChangeRequestResource,
  importProductRequestResource,
  announcementResource,
  supplierRegistrationResource,
  awardNoticeResource,
  selfRunAwardNoticeResource,
  postAwardRecordResource,
  contractFilingResource,
  acceptanceFilingResource,
  manualPushFilingResource,
  paymentApplicationResource,
  failedTenderHandlingResource,
  nonTenderFailedHandlingResource,
  preAwardAnomalyResource,
  expertResource,
  expertSpecialtyReviewResource,
  expertAssignmentResource,
  riskFlagResource,
  supervisionCaseResource,
  caseEntryResource,
  escalationResource,
  regionResource,
  supervisorUserResource,
  roleGrantResource,
  auditLogResource,
  loginAttemptResource,
  activeSessionResource,
];
