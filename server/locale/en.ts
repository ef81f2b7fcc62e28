/** English is the second language: our own labels, AdminJS's English for the rest. */
export const en = {
  labels: {
    dashboard: 'Workbench',
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
    'menu.system': 'System',
    Region: 'Regions',
    SupervisorUser: 'Supervisor users',
    AuditLog: 'Audit log',
    ProcurementUnit: 'Review purchasing units',
    Affiliation: 'Affiliations',
    IntegrationUnit: 'Integration unit info',
    IntegrationBudget: 'Integration budgets',
    PaymentVoucher: 'Payment vouchers',
    IntegrationInbox: 'Integration batches',
  },
  components: {
    LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
    Login: {
      welcomeHeader: 'Jiangxi Procurement Supervision',
      welcomeMessage: 'Work panel of the provincial, city and county procurement supervision offices.',
      properties: { email: 'Username', password: 'Password' },
      loginButton: 'Log in',
    },
  },
  actions: { approve: 'Approve', approveBulk: 'Approve selected', reject: 'Return', unbindAffiliation: 'Unbind affiliation', resetBudgetMatch: 'Reset budget match', resetBudgetMatchBulk: 'Reset budget match (selected)', replayBatch: 'Replay batch' },
  messages: {
    invalidCredentials: 'Wrong username or password',
    loginThrottled: 'Too many failed logins, try again in 15 minutes',
    concurrentChange: 'Another user has already handled this record',
    reasonRequired: 'A reason is required',
    reasonTooLong: 'The reason may not exceed 500 characters',
    outsideJurisdiction: 'The record does not exist or is outside your jurisdiction',
    roleMayNotAct: 'Your role may not perform this action',
  },
  resources: {
    ProcurementUnit: {
      labels: {
        budgetCodeVerdict: { match: 'Match', mismatch: 'Mismatch', missing: 'Not in integration' },
      },
    },
  },
};
