import { recordLocale } from '../../db/record/record-locale.js';
import { ACCEPTANCE_FILING } from '../../db/records/acceptance-filing.record.js';
import { AFFILIATION } from '../../db/records/affiliation.record.js';
import { AUDIT_LOG } from '../../db/records/audit-log.record.js';
import { AWARD_NOTICE } from '../../db/records/award-notice.record.js';
import { ESCALATION } from '../../db/records/escalation.record.js';
import { LOGIN_ATTEMPT } from '../../db/records/login-attempt.record.js';
import { ACTIVE_SESSION } from '../../db/records/active-session.record.js';
import { POST_AWARD_RECORD } from '../../db/records/post-award-record.record.js';
import { INTEGRATION_BUDGET } from '../../db/records/integration-budget.record.js';
import { INTEGRATION_INBOX } from '../../db/records/integration-inbox.record.js';
import { INTEGRATION_UNIT } from '../../db/records/integration-unit.record.js';
import { PAYMENT_APPLICATION } from '../../db/records/payment-application.record.js';
import { PAYMENT_MIDDLE_RECORD } from '../../db/records/payment-middle-record.record.js';
import { PAYMENT_VOUCHER } from '../../db/records/payment-voucher.record.js';
import { PROCUREMENT_UNIT } from '../../db/records/procurement-unit.record.js';
import { FAILED_TENDER_HANDLING } from '../../db/records/failed-tender-handling.record.js';
import { PRE_AWARD_ANOMALY } from '../../db/records/pre-award-anomaly.record.js';
import { EXPERT } from '../../db/records/expert.record.js';
import { EXPERT_SPECIALTY_REVIEW } from '../../db/records/expert-specialty-review.record.js';
import { EXPERT_ASSIGNMENT } from '../../db/records/expert-assignment.record.js';
import { METHOD_CHANGE_REQUEST } from '../../db/records/method-change-request.record.js';
import { IMPORT_PRODUCT_REQUEST } from '../../db/records/import-product-request.record.js';
import { PROCUREMENT_INTENTION } from '../../db/records/procurement-intention.record.js';
import { REGION } from '../../db/records/region.record.js';
import { SUPERVISOR_USER } from '../../db/records/supervisor-user.record.js';
import { SUPPLIER_REGISTRATION } from '../../db/records/supplier-registration.record.js';
import { PROCUREMENT_PROJECT } from '../../db/records/procurement-project.record.js';
import { PROJECT_BUDGET_LINE } from '../../db/records/project-budget-line.record.js';
import { VIRTUAL_BUDGET } from '../../db/records/virtual-budget.record.js';
import { AGREEMENT_LIBRARY } from '../../db/records/agreement-library.record.js';
import { AGREEMENT_CATEGORY } from '../../db/records/agreement-category.record.js';
import { AGREEMENT_GOODS } from '../../db/records/agreement-goods.record.js';
import { BIDDING_QUOTE } from '../../db/records/bidding-quote.record.js';
import { AGREEMENT_SUPPLIER } from '../../db/records/agreement-supplier.record.js';
import { BIDDING_RECORD } from '../../db/records/bidding-record.record.js';
import { BUDGET_OVERVIEW } from '../../db/records/budget-overview.record.js';
import { CONTRACT_FILING } from '../../db/records/contract-filing.record.js';
import { ANNOUNCEMENT } from '../../db/records/announcement.record.js';
import { CASE_ENTRY } from '../../db/records/case-entry.record.js';
import { RISK_FLAG } from '../../db/records/risk-flag.record.js';
import { SUPERVISION_CASE } from '../../db/records/supervision-case.record.js';

const unitLocale = recordLocale(PROCUREMENT_UNIT, 'en');
const biddingLocale = recordLocale(BIDDING_RECORD, 'en');
const supplierLocale = recordLocale(AGREEMENT_SUPPLIER, 'en');
const virtualBudgetLocale = recordLocale(VIRTUAL_BUDGET, 'en');
const projectLocale = recordLocale(PROCUREMENT_PROJECT, 'en');
const projectTranslations = { properties: { ...projectLocale.properties, related: 'Related records' }, labels: projectLocale.labels };
const unitTranslations = {
  properties: { ...unitLocale.properties, related: 'Related records', history: 'History' },
  labels: unitLocale.labels,
};

const failedTenderLocale = recordLocale(FAILED_TENDER_HANDLING, 'en');
const failedTenderTranslations = {
  properties: { ...failedTenderLocale.properties, history: 'History' },
  labels: failedTenderLocale.labels,
};
const preAwardLocale = recordLocale(PRE_AWARD_ANOMALY, 'en');
const expertLocale = recordLocale(EXPERT, 'en');
const specialtyLocale = recordLocale(EXPERT_SPECIALTY_REVIEW, 'en');
const methodChangeLocale = recordLocale(METHOD_CHANGE_REQUEST, 'en');
const importProductLocale = recordLocale(IMPORT_PRODUCT_REQUEST, 'en');
const userLocale = recordLocale(SUPERVISOR_USER, 'en');
const filingLocale = recordLocale(CONTRACT_FILING, 'en');
const filingTranslations = {
  properties: { ...filingLocale.properties, history: 'History', related: 'Related records' },
  labels: filingLocale.labels,
};

/** English is the second language: our own labels, AdminJS's English for the rest. */
export const en = {
  labels: {
    dashboard: 'Workbench',
    bulkProgress: 'Progress: {{finished}} of {{total}} finished ({{failed}} failed)',
    historyTitle: 'History',
    historyEmpty: 'No actions recorded',
    historyAt: 'When',
    historyUser: 'Who',
    historyAction: 'Action',
    historyBlank: '(blank)',
    historyChanges: 'Changes',
    historyReason: 'Reason',
    loading: 'Loading…',
    loadFailed: 'Could not load, please refresh the page',
    submitFailed: 'Could not submit, please check the network and retry',
    reasonRequiredLabel: 'Reason (required)',
    reasonOptionalLabel: 'Comment (optional)',
    reasonTooLong: 'The reason may have at most {{max}} characters (now {{length}})',
    lengthLimit: 'At most {{max}} characters',
    bulkChosen: '{{count}} selected: {{titles}}',
    greeting: 'Hello, {{name}} ({{role}}, {{region}}). Welcome to the Jiangxi procurement supervision panel.',
    backgroundJobs: 'Background jobs',
    queueBullmq: 'BullMQ queue',
    queueInline: 'In-process',
    pendingWork: 'Waiting for you',
    overdueCount: '{{count}} overdue',
    watchingCount: '{{count}} more for another office (view only)',
    chartPushes: 'Pushes in the last 30 days',
    chartPushed: 'Pushed',
    chartFailed: 'Failed',
    chartMethods: 'Contract amount this year by method',
    chartMoney: 'Budget, contracted and paid by region',
    chartBudget: 'Integration budget',
    chartContracted: 'Contracted',
    chartPaid: 'Paid',
    chartFlags: 'Open risk flags by region',
    chartFlagsRed: 'Red',
    chartFlagsOrange: 'Orange',
    chartFlagsYellow: 'Yellow',
    unfoundedTitle: 'Cases found unfounded, by rule',
    unfoundedNone: 'No concluded cases yet',
    unfoundedRule: 'Rule',
    unfoundedConcluded: 'Concluded cases',
    unfoundedCount: 'Unfounded',
    unfoundedShare: 'Share unfounded',
    queueBoard: 'Open the queue board',
    changePassword: 'Change password',
    lockedIntro:
      'An account (all untrusted clients together, or one trusted browser) that failed {{max}} logins within {{minutes}} minutes must wait before each further try, longer each time. Unlocking forgives its failures so far and is written to the audit log.',
    lockedNone: 'No account is held back by failed logins',
    lockedAccount: 'Account',
    lockedNoAccount: '(no such account)',
    lockedLane: 'From',
    lockedTrusted: "The account's trusted browser",
    lockedUntrusted: 'Untrusted clients',
    lockedFailures: 'Failures',
    lockedLast: 'Last failure',
    lockedState: 'State',
    lockedWaiting: 'Waits {{seconds}} s more',
    lockedAtLimit: 'At the limit: the next failure waits',
    lockedUnlock: 'Unlock',
    roleKeptBySecurity: 'An existing user is granted roles by the security administrator (User roles)',
    identityKeptByAdmin: 'Username and name are kept by the system administrator (Supervisor users)',
    exportIntro:
      'Exports every record of the list as filtered and sorted now (your jurisdiction only) to an Excel file written in the background; download it here, it is kept 24 hours.',
    exportStart: 'Start export',
    exportProgress: '{{done}} of {{total}} rows exported',
    exportDownload: 'Download the Excel file',
    exportFailed: 'Export failed',
    auditCheckIntro:
      "Checks every row of the audit trail's HMAC-SM3 chain: a row changed, inserted or deleted in the database is found and named, with the kind of break. The check runs in the background and only reads (you may leave this page and come back); each check is itself recorded in the audit trail. The system also checks every night at 2:45.",
    auditCheckStart: 'Start the check',
    auditCheckRunning: 'Checking…',
    auditCheckQueued: 'Queued, starting shortly…',
    auditCheckProgress: '{{checked}} of {{total}} rows checked',
    auditCheckLast: 'Last check: {{at}}, {{by}}',
    auditCheckBy: 'asked by {{username}}',
    auditCheckBySystem: 'the nightly check',
    auditCheckNone: 'No check yet.',
    auditCheckFailed: 'The check did not finish',
    auditCheckHead: 'Head: last place {{lastSeq}}, pruned through place {{prunedThrough}}',
    auditCheckTook: 'Checked at {{at}}, took {{seconds}} s',
    auditCheckKind: 'Kind',
    auditCheckWhat: 'What',
    auditCheckMore: '{{count}} more breaks not listed: npm run audit:verify -- --max N lists them all',
    relatedTitle: 'Related records',
    pageTitleList: '{{resource}} ({{count}})',
    pageTitleListAbout: '{{resource}} (about {{count}})',
    pageTitleListMoreThan: '{{resource}} (more than {{count}})',
    pageTitleAction: '{{action}}: {{record}}',
    pageTitleResourceAction: '{{action}}: {{resource}}',
    recordNumber: 'No. {{id}}',
    sectionBasic: 'Details',
    sectionReview: 'Review',
    sectionDeadline: 'Time limit',
    relatedCount: '({{count}} in all)',
    relatedEmpty: 'None',
    relatedAll: 'See all {{count}}',
    relatedAsSubordinate: 'Affiliations as subordinate',
    relatedAsSupervising: 'Affiliations as supervising unit',
    attachmentNone: 'No attachment',
    sessionWarningTitle: 'You are about to be signed out',
    sessionWarning: 'You have not been active for a while; to protect the data you will be signed out in {{seconds}} seconds.',
    sessionContinue: 'Keep working',
    sessionLogout: 'Sign out',
    pickerTime: 'Time',
    listTotal: '{{n}} in all',
    listTotalAbout: 'about {{n}}',
    listTotalMoreThan: 'more than {{n}}',
    exactCount: 'Exact count',
    exactCountHint: 'Counts every record under the current filters; a large list takes a few seconds',
    pagerFirst: 'First',
    pagerPrevious: 'Previous',
    pagerNext: 'Next',
    pagerLast: 'Last',
    pagerPage: 'Page {{page}}',
    pagerFromEnd: 'Page {{page}} from the end',
    pagerPastEnd: 'This page lies past the end of the list: no records',
    stateCountAbout: 'about {{n}}',
    stateCountMoreThan: 'over {{n}}',
    stateFilterAll: 'All',
    stateFilterGroup: 'Filter by state',
    clearFilters: 'Clear filters',
    booleanTrue: 'Yes',
    booleanFalse: 'No',
    selectPlaceholder: 'Select…',
    selectNoOptions: 'No options',
    itemErrorsEmpty: 'None',
    itemIndex: 'Item (from 0)',
    itemField: 'Field',
    itemMessage: 'Error',
    'menu.entities': 'Entities',
    'menu.integration': 'Finance integration',
    'menu.procurement.plan': 'Procurement · Planning',
    'menu.procurement.agreement': 'Procurement · Agreement',
    'menu.procurement.preTrade': 'Procurement · Before procurement',
    'menu.procurement.announcements': 'Procurement · Announcements',
    'menu.procurement.anomalies': 'Procurement · Anomalies',
    'menu.procurement.queries': 'Procurement · Queries',
    'menu.procurement.filings': 'Procurement · Filings',
    'menu.procurement.payments': 'Procurement · Payment review',
    'menu.experts': 'Experts',
    'menu.risk': 'Risk flags',
    'menu.system': 'System',
    Region: 'Regions',
    SupervisorUser: 'Supervisor users',
    RoleGrant: 'User roles',
    AuditLog: 'Audit log',
    ActiveSession: 'Active sessions',
    ProcurementUnit: 'Review purchasing units',
    Affiliation: 'Affiliations',
    IntegrationUnit: 'Integration unit info',
    IntegrationBudget: 'Integration budgets',
    PaymentVoucher: 'Payment vouchers',
    IntegrationInbox: 'Integration batches',
    PaymentMiddleRecord: 'Payment intermediate database',
    ContractFiling: 'Contract filings',
    AcceptanceFiling: 'Acceptance filings',
    ManualPushFiling: 'Manual push of contract filings',
    AgreementLibrary: 'Goods libraries',
    AgreementCategory: 'Categories',
    AgreementGoods: 'Goods',
    AgreementSupplier: 'Agreement suppliers',
    BiddingRecord: 'Biddings',
    BiddingQuote: 'Quotes',
    FailedTenderHandling: 'Failed tenders (tender)',
    NonTenderFailedHandling: 'Failed tenders (other methods)',
    PreAwardAnomaly: 'Pre-award anomalies',
    Expert: 'Expert registrations',
    ExpertSpecialtyReview: 'Specialty reviews',
    ExpertAssignment: 'Expert assignments',
    ProcurementIntention: 'Procurement intentions',
    MethodChangeRequest: 'Method change approvals',
    ImportProductRequest: 'Imported product approvals',
    Escalation: 'Escalations',
    RiskFlag: 'Risk flags',
    SupervisionCase: 'Supervision cases',
    CaseEntry: 'Questions and answers',
    BudgetOverview: 'Budgets',
    VirtualBudget: 'Virtual budgets',
    ProcurementProject: 'Project budget review',
    ProjectOrganisation: 'Project organisation form',
    DesignatedAgencyProject: 'Designated central agency',
    ProjectAgencyMethod: 'Agency and method',
    EntrustedAgencyProject: 'Entrusted social agency',
    ProjectBudgetLine: 'Project budget lines',
    Announcement: 'Announcements and documents',
    SupplierRegistration: 'Supplier registrations',
    AwardNotice: 'Award notices',
    SelfRunAwardNotice: 'Self-run award notices',
    PostAwardRecord: 'Post-award data',
    PaymentApplication: 'Payment review',
  },
  components: {
    LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
    ErrorPage: {
      notFoundTitle: 'Page not found',
      notFoundMessage: 'This address does not exist: the link may be wrong or the page removed. Start from the workbench or the menu.',
      refusedTitle: 'This record cannot be shown',
      refusedMessage: 'The record does not exist or is outside your jurisdiction. For another region, contact its supervision office.',
      backToWorkbench: 'Back to the workbench',
      backToList: 'Back to the list of {{resource}}',
    },
    Login: {
      welcomeHeader: 'Jiangxi Procurement Supervision',
      welcomeMessage: 'Work panel of the provincial, city and county procurement supervision offices.',
      properties: { email: 'Username', password: 'Password' },
      loginButton: 'Log in',
    },
  },
  actions: {
    approve: 'Approve',
    approveBulk: 'Approve selected',
    reject: 'Return',
    unbindAffiliation: 'Unbind affiliation',
    resetBudgetMatch: 'Reset budget match',
    resetBudgetMatchBulk: 'Reset budget match (selected)',
    replayBatch: 'Replay batch',
    pushToIntegration: 'Push',
    pushToIntegrationBulk: 'Push selected',
    returnContractFiling: 'Return filing',
    deleteAcceptance: 'Delete acceptance',
    newVirtualBudget: 'New virtual budget',
    initializeCategories: 'Initialise categories',
    exportXlsx: 'Export to Excel',
    verifyChain: 'Check integrity',
    endSession: 'End session',
    approveRequest: 'Approve',
    openCase: 'Open case',
    openCaseBulk: 'Open case (selected)',
    openSubject: 'Open subject',
    questionUnit: 'Question',
    recordAnswer: 'Record answer',
    concludeConfirmed: 'Conclude (confirmed)',
    concludeUnfounded: 'Conclude (unfounded)',
    transferCase: 'Transfer',
    rejectRequest: 'Refuse',
    confirmAnomaly: 'Confirm',
    rejectAnomaly: 'Reject',
    returnToStepOne: 'Back to step one',
    returnToStepOneBulk: 'Back to step one (selected)',
    approveExpert: 'Approve',
    rejectExpert: 'Return',
    approveSpecialtyStep: 'Approve this step',
    returnSpecialty: 'Return to expert',
    removeSupplier: 'Remove supplier',
    returnBidding: 'Return bidding',
    openBudgetSource: 'Open source record',
    approvePayment: 'Approve payment',
    rejectPayment: 'Return payment',
    lockedAccounts: 'Locked accounts',
    passwordChanged: 'Change own password',
  },
  messages: {
    // AdminJS's own sentences name the resource id and action; our routes replace them, these stay as a fallback.
    error404Resource: 'No such module',
    error404Action: 'No such action, or you may not perform it',
    error404Record: 'The record does not exist or is outside your jurisdiction',
    pageNotFound_title: 'Page not found',
    invalidCredentials: 'Wrong username or password',
    loginThrottled: 'Too many failed logins: to protect the account, try again shortly (the wait grows with each failure)',
    sessionEndedIdle: 'You were signed out after a period without activity; please sign in again',
    sessionEndedAbsolute: 'You were signed out {{hours}} hours after signing in; please sign in again',
    databaseUnavailable:
      'The database cannot be reached right now; the system keeps retrying. Reload the page or submit again shortly; nothing already saved is lost',
    concurrentChange: 'Another user has already handled this record',
    reasonRequired: 'A reason is required',
    reasonTooLong: 'The reason may not exceed 500 characters',
    outsideJurisdiction: 'The record does not exist or is outside your jurisdiction',
    roleMayNotAct: 'Your role may not perform this action',
  },
  properties: { decidable: 'Mine to decide', related: 'Related records' },
  resources: {
    AuditLog: recordLocale(AUDIT_LOG, 'en'),
    Escalation: recordLocale(ESCALATION, 'en'),
    RiskFlag: {
      properties: { ...recordLocale(RISK_FLAG, 'en').properties, history: 'History' },
      labels: recordLocale(RISK_FLAG, 'en').labels,
    },
    SupervisionCase: {
      properties: {
        ...recordLocale(SUPERVISION_CASE, 'en').properties,
        related: 'Flags, questions and answers',
        flags: 'Flags',
        history: 'History',
      },
      labels: recordLocale(SUPERVISION_CASE, 'en').labels,
    },
    CaseEntry: recordLocale(CASE_ENTRY, 'en'),
    LoginAttempt: recordLocale(LOGIN_ATTEMPT, 'en'),
    ActiveSession: recordLocale(ACTIVE_SESSION, 'en'),
    Region: recordLocale(REGION, 'en'),
    SupervisorUser: {
      properties: { ...userLocale.properties, password: 'Password' },
      labels: userLocale.labels,
    },
    RoleGrant: {
      properties: { ...userLocale.properties, password: 'Password' },
      labels: userLocale.labels,
    },
    ProcurementUnit: unitTranslations,
    FormalMemberUnit: unitTranslations,
    BudgetCodeCheck: unitTranslations,
    Affiliation: recordLocale(AFFILIATION, 'en'),
    FailedTenderHandling: failedTenderTranslations,
    NonTenderFailedHandling: failedTenderTranslations,
    PreAwardAnomaly: { properties: { ...preAwardLocale.properties, history: 'History' }, labels: preAwardLocale.labels },
    Expert: {
      properties: { ...expertLocale.properties, related: 'Related records', history: 'History' },
      labels: expertLocale.labels,
    },
    ExpertSpecialtyReview: { properties: { ...specialtyLocale.properties, history: 'History' }, labels: specialtyLocale.labels },
    ExpertAssignment: recordLocale(EXPERT_ASSIGNMENT, 'en'),
    MethodChangeRequest: { properties: { ...methodChangeLocale.properties, history: 'History' }, labels: methodChangeLocale.labels },
    ImportProductRequest: { properties: { ...importProductLocale.properties, history: 'History' }, labels: importProductLocale.labels },
    ProcurementIntention: recordLocale(PROCUREMENT_INTENTION, 'en'),
    SupplierRegistration: recordLocale(SUPPLIER_REGISTRATION, 'en'),
    AwardNotice: recordLocale(AWARD_NOTICE, 'en'),
    SelfRunAwardNotice: recordLocale(AWARD_NOTICE, 'en'),
    PostAwardRecord: recordLocale(POST_AWARD_RECORD, 'en'),
    IntegrationUnit: recordLocale(INTEGRATION_UNIT, 'en'),
    PaymentVoucher: recordLocale(PAYMENT_VOUCHER, 'en'),
    IntegrationInbox: {
      properties: { ...recordLocale(INTEGRATION_INBOX, 'en').properties, history: 'History' },
      labels: recordLocale(INTEGRATION_INBOX, 'en').labels,
    },
    ...Object.fromEntries(['ContractFiling', 'ManualPushFiling'].map((id) => [id, filingTranslations])),
    AcceptanceFiling: {
      properties: { ...recordLocale(ACCEPTANCE_FILING, 'en').properties, history: 'History' },
    },
    PaymentMiddleRecord: { properties: recordLocale(PAYMENT_MIDDLE_RECORD, 'en').properties },
    PaymentApplication: {
      properties: { ...recordLocale(PAYMENT_APPLICATION, 'en').properties, history: 'History' },
      labels: recordLocale(PAYMENT_APPLICATION, 'en').labels,
    },
    IntegrationBudget: {
      properties: { ...recordLocale(INTEGRATION_BUDGET, 'en').properties, history: 'History', related: 'Related records' },
      labels: recordLocale(INTEGRATION_BUDGET, 'en').labels,
    },
    ...Object.fromEntries(
      ['ProcurementProject', 'ProjectOrganisation', 'DesignatedAgencyProject', 'ProjectAgencyMethod', 'EntrustedAgencyProject'].map(
        (id) => [id, projectTranslations],
      ),
    ),
    ProjectBudgetLine: recordLocale(PROJECT_BUDGET_LINE, 'en'),
    BudgetOverview: recordLocale(BUDGET_OVERVIEW, 'en'),
    VirtualBudget: {
      properties: { ...virtualBudgetLocale.properties, related: 'Related records', history: 'History' },
      labels: virtualBudgetLocale.labels,
    },
    AgreementLibrary: {
      properties: { ...recordLocale(AGREEMENT_LIBRARY, 'en').properties, related: 'Library contents', history: 'History' },
    },
    AgreementCategory: {
      properties: { ...recordLocale(AGREEMENT_CATEGORY, 'en').properties, related: 'Related records', history: 'History' },
    },
    AgreementGoods: {
      properties: { ...recordLocale(AGREEMENT_GOODS, 'en').properties, history: 'History' },
    },
    BiddingQuote: { properties: recordLocale(BIDDING_QUOTE, 'en').properties },
    AgreementSupplier: {
      properties: { ...supplierLocale.properties, related: 'Related records', history: 'History' },
      labels: supplierLocale.labels,
    },
    BiddingRecord: {
      properties: { ...biddingLocale.properties, related: 'Quotes', history: 'History' },
      labels: biddingLocale.labels,
    },
    Announcement: recordLocale(ANNOUNCEMENT, 'en'),
  },
};
