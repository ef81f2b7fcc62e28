import { recordLocale } from '../../db/record/record-locale.js';
import { SECURITY_AUDIT_ACTIONS } from '../../domain/audit-actions.js';
import { ACCEPTANCE_FILING } from '../../db/records/acceptance-filing.record.js';
import { AFFILIATION } from '../../db/records/affiliation.record.js';
import { AUDIT_LOG } from '../../db/records/audit-log.record.js';
import { AWARD_NOTICE } from '../../db/records/award-notice.record.js';
import { ESCALATION } from '../../db/records/escalation.record.js';
import { LOGIN_ATTEMPT } from '../../db/records/login-attempt.record.js';
import { ACTIVE_SESSION } from '../../db/records/active-session.record.js';
import { POST_AWARD_RECORD } from '../../db/records/post-award-record.record.js';
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
import { INTEGRATION_BUDGET } from '../../db/records/integration-budget.record.js';
import { INTEGRATION_INBOX } from '../../db/records/integration-inbox.record.js';
import { INTEGRATION_UNIT } from '../../db/records/integration-unit.record.js';
import { PAYMENT_APPLICATION } from '../../db/records/payment-application.record.js';
import { PAYMENT_MIDDLE_RECORD } from '../../db/records/payment-middle-record.record.js';
import { PAYMENT_VOUCHER } from '../../db/records/payment-voucher.record.js';
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
import { METHOD_LABELS } from '../../db/models/plan/plan-labels.js';

const unitLocale = recordLocale(PROCUREMENT_UNIT, 'zh');
const biddingLocale = recordLocale(BIDDING_RECORD, 'zh');
const supplierLocale = recordLocale(AGREEMENT_SUPPLIER, 'zh');
const virtualBudgetLocale = recordLocale(VIRTUAL_BUDGET, 'zh');
const unitTranslations = {
  properties: { ...unitLocale.properties, related: '相关记录', history: '操作历史' },
  labels: unitLocale.labels,
};

const userLocale = recordLocale(SUPERVISOR_USER, 'zh');

const filingLocale = recordLocale(CONTRACT_FILING, 'zh');
const filingTranslations = {
  properties: { ...filingLocale.properties, history: '操作历史', related: '相关记录' },
  labels: { ...filingLocale.labels, procurementMethod: METHOD_LABELS },
};

const projectLocale = recordLocale(PROCUREMENT_PROJECT, 'zh');
const projectTranslations = {
  properties: { ...projectLocale.properties, related: '相关记录' },
  labels: { ...projectLocale.labels, procurementMethod: METHOD_LABELS },
};

const methodChangeLocale = recordLocale(METHOD_CHANGE_REQUEST, 'zh');
const importProductLocale = recordLocale(IMPORT_PRODUCT_REQUEST, 'zh');

const failedTenderLocale = recordLocale(FAILED_TENDER_HANDLING, 'zh');
const failedTenderTranslations = {
  properties: { ...failedTenderLocale.properties, history: '操作历史' },
  labels: { ...failedTenderLocale.labels, originalMethod: METHOD_LABELS, newMethod: METHOD_LABELS },
};

const preAwardLocale = recordLocale(PRE_AWARD_ANOMALY, 'zh');

const expertLocale = recordLocale(EXPERT, 'zh');
const specialtyLocale = recordLocale(EXPERT_SPECIALTY_REVIEW, 'zh');

const awardNoticeTranslations = recordLocale(AWARD_NOTICE, 'zh');

/** Our labels in Chinese; AdminJS's own zh-CN strings fill everything not named here. */
export const zhCN = {
  labels: {
    navigation: '导航',
    dashboard: '工作台',
    bulkProgress: '进度：{{finished}} / {{total}} 已完成（其中失败 {{failed}}）',
    historyTitle: '操作历史',
    historyEmpty: '暂无操作记录',
    historyAt: '时间',
    historyUser: '操作人',
    historyAction: '操作',
    historyBlank: '（空）',
    historyChanges: '变更',
    historyReason: '原因',
    loading: '加载中…',
    loadFailed: '加载失败，请刷新页面重试',
    submitFailed: '提交失败，请检查网络后重试',
    reasonRequiredLabel: '原因（必填）',
    reasonOptionalLabel: '意见（选填）',
    reasonTooLong: '原因不能超过 {{max}} 个字（当前 {{length}} 个字）',
    lengthLimit: '最多 {{max}} 个字',
    bulkChosen: '已选择 {{count}} 条：{{titles}}',
    greeting: '您好，{{name}}（{{role}}，{{region}}）。欢迎使用江西省政府采购监管平台。',
    backgroundJobs: '后台任务',
    queueBullmq: 'BullMQ 队列',
    queueInline: '进程内执行',
    pendingWork: '待办事项',
    overdueCount: '其中超期 {{count}} 件',
    watchingCount: '另有 {{count}} 件由其他采购办处理（仅查看）',
    chartPushes: '近30日推送一体化情况',
    chartPushed: '推送成功',
    chartFailed: '推送失败',
    chartMethods: '本年度合同金额按采购方式',
    chartMoney: '各地区一体化预算、合同与支付金额',
    chartBudget: '一体化预算',
    chartContracted: '合同金额',
    chartPaid: '已支付',
    chartFlags: '各地区未处理风险预警',
    chartFlagsRed: '红色预警',
    chartFlagsOrange: '橙色预警',
    chartFlagsYellow: '黄色预警',
    unfoundedTitle: '各预警规则案件核实情况（已办结案件中不属实的比例）',
    unfoundedNone: '尚无办结的监管案件',
    unfoundedRule: '预警规则',
    unfoundedConcluded: '已办结案件',
    unfoundedCount: '其中不属实',
    unfoundedShare: '不属实比例',
    queueBoard: '查看任务队列',
    changePassword: '修改密码',
    // 受限账号 on the login security events (locked-accounts.tsx).
    lockedIntro:
      '同一账号（不受信任的客户端合计，或某个受信任的浏览器）在 {{minutes}} 分钟内登录失败达到 {{max}} 次后，每次再试须等待，且越等越久。解除限制后，该账号此前的失败不再计数；解除操作记入操作日志。',
    lockedNone: '当前没有因登录失败而受限的账号',
    lockedAccount: '账号',
    lockedNoAccount: '（无此账号）',
    lockedLane: '来源',
    lockedTrusted: '该账号受信任的浏览器',
    lockedUntrusted: '不受信任的客户端',
    lockedFailures: '失败次数',
    lockedLast: '最近一次失败',
    lockedState: '状态',
    lockedWaiting: '须再等待 {{seconds}} 秒',
    lockedAtLimit: '已达上限，再失败即须等待',
    lockedUnlock: '解除限制',
    // Who keeps a field of an account once it exists (三员分立, panel/components/fixed-on-edit.tsx).
    roleKeptBySecurity: '已有用户的角色由安全管理员在“用户授权”中授予',
    identityKeptByAdmin: '用户名和姓名/单位由系统管理员在“监管用户”中维护',
    exportIntro:
      '将按当前列表的筛选条件和排序导出全部记录（仅限您辖区内的数据），在后台生成 Excel 文件，完成后可在此下载，文件保留 24 小时。',
    exportStart: '开始导出',
    exportProgress: '已导出 {{done}} / {{total}} 行',
    exportDownload: '下载 Excel 文件',
    exportFailed: '导出失败',
    // The audit administrator's check of the audit trail (panel/components/audit-chain-check.tsx).
    auditCheckIntro:
      '逐条校验全部操作日志的 HMAC-SM3 防篡改链：在数据库中被改动、插入或删除的记录都会被找出，并指明是哪一条、属于哪种问题。校验在后台进行，只读取、不修改任何数据，可离开本页稍后再来查看；每次校验本身记入操作日志。系统每天凌晨 2:45 自动校验一次。',
    auditCheckStart: '开始校验',
    auditCheckRunning: '正在校验……',
    auditCheckQueued: '校验已排队，即将开始……',
    auditCheckProgress: '已校验 {{checked}} / {{total}} 条',
    auditCheckLast: '最近一次校验：{{at}}，{{by}}',
    auditCheckBy: '由 {{username}} 发起',
    auditCheckBySystem: '系统每日校验',
    auditCheckNone: '尚无校验记录。',
    auditCheckFailed: '校验未能完成',
    auditCheckHead: '链头：最后序号 {{lastSeq}}，已清理至序号 {{prunedThrough}}',
    auditCheckTook: '校验时间 {{at}}，用时 {{seconds}} 秒',
    auditCheckKind: '问题类型',
    auditCheckWhat: '说明',
    auditCheckMore: '另有 {{count}} 处问题未列出，请用 npm run audit:verify -- --max 条数 查看全部',
    relatedTitle: '相关记录',
    relatedCount: '（共 {{count}} 条）',
    relatedEmpty: '无',
    relatedAll: '查看全部 {{count}} 条',
    relatedAsSubordinate: '作为下级单位的隶属关系',
    relatedAsSupervising: '作为主管单位的隶属关系',
    attachmentNone: '无附件',
    // The warning before a session's idle end (session-watch.tsx).
    sessionWarningTitle: '即将自动退出登录',
    sessionWarning: '您已较长时间未操作，为保护数据安全，将在 {{seconds}} 秒后自动退出登录。',
    sessionContinue: '继续使用',
    sessionLogout: '退出',
    // Page headings (panel/components/page-title.ts) and a record page's sections (show-sections.ts).
    pageTitleList: '{{resource}}（共 {{count}} 条）',
    pageTitleListAbout: '{{resource}}（约 {{count}} 条）',
    pageTitleListMoreThan: '{{resource}}（超过 {{count}} 条）',
    pageTitleAction: '{{action}}：{{record}}',
    pageTitleResourceAction: '{{action}}：{{resource}}',
    recordNumber: '编号 {{id}}',
    sectionBasic: '基本信息',
    sectionReview: '审核信息',
    sectionDeadline: '办理时限',
    pickerTime: '时间',
    // Under every list: its total and the pager (list-pager.tsx); a total past the limit of exact counting is
    // an estimate or a lower bound, with 精确计数 to count it all the same.
    listTotal: '共 {{n}} 条',
    listTotalAbout: '约 {{n}} 条',
    listTotalMoreThan: '超过 {{n}} 条',
    exactCount: '精确计数',
    exactCountHint: '按当前筛选逐条计数；记录很多时需要几秒',
    pagerFirst: '首页',
    pagerPrevious: '上一页',
    pagerNext: '下一页',
    pagerLast: '末页',
    pagerPage: '第 {{page}} 页',
    pagerFromEnd: '倒数第 {{page}} 页',
    pagerPastEnd: '这一页已在列表末尾之后，没有记录',
    stateCountAbout: '约 {{n}}',
    stateCountMoreThan: '超过 {{n}}',
    // Above every list: the quick state filters and the reset of what the list remembers.
    stateFilterAll: '全部',
    stateFilterGroup: '按状态筛选',
    clearFilters: '清除筛选',
    // Words of every yes/no value and drop-down, where AdminJS and react-select would say them in English.
    booleanTrue: '是',
    booleanFalse: '否',
    selectPlaceholder: '请选择…',
    selectNoOptions: '无可选项',
    itemErrorsEmpty: '无',
    itemIndex: '第几项（从 0 开始）',
    itemField: '字段',
    itemMessage: '错误',
    pages: '页面',
    filters: '筛选',
    selectedRecords: '已选中 ({{selected}})',
    adminVersion: '版本 {{version}}',
    appVersion: '版本 {{version}}',
    'menu.entities': '主体管理',
    'menu.integration': '一体化',
    'menu.procurement.plan': '政府采购 · 计划管理',
    'menu.procurement.agreement': '政府采购 · 协议采购',
    'menu.procurement.preTrade': '政府采购 · 交易前',
    'menu.procurement.announcements': '政府采购 · 公告及文件查看',
    'menu.procurement.anomalies': '政府采购 · 异常处理',
    'menu.procurement.queries': '政府采购 · 查询',
    'menu.procurement.filings': '政府采购 · 备案',
    'menu.procurement.payments': '政府采购 · 支付审核',
    'menu.experts': '专家管理',
    'menu.risk': '风险预警',
    'menu.system': '系统管理',
    Region: '行政区划',
    SupervisorUser: '监管用户',
    RoleGrant: '用户授权',
    AuditLog: '操作日志',
    LoginAttempt: '登录安全事件',
    ActiveSession: '在线会话',
    ProcurementUnit: '审核采购单位信息',
    FormalMemberUnit: '查看采购单位信息',
    BudgetCodeCheck: '单位预算编码核对',
    Affiliation: '查看/解除隶属关系',
    IntegrationUnit: '一体化单位基本信息',
    IntegrationBudget: '一体化预算管理',
    PaymentVoucher: '一体化支付凭证',
    IntegrationInbox: '一体化接收批次',
    PaymentMiddleRecord: '新-支付系统中间库数据查询',
    ContractFiling: '合同备案',
    AcceptanceFiling: '验收单备案',
    ManualPushFiling: '新-手动推送合同备案',
  },
  components: {
    LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
    ErrorPage: {
      notFoundTitle: '页面不存在',
      notFoundMessage: '您访问的地址不存在，可能是链接有误或页面已移除。请从工作台或左侧菜单进入。',
      refusedTitle: '无法查看该记录',
      refusedMessage: '该记录不存在或不在您的辖区内。如需办理其他辖区的业务，请联系该辖区的采购监管部门。',
      backToWorkbench: '返回工作台',
      backToList: '返回{{resource}}列表',
    },
    Login: {
      welcomeHeader: '江西省政府采购监管平台',
      welcomeMessage:
        '省、市、县采购监管部门工作平台：采购单位审核、一体化预算与支付、合同备案推送、异常处理与专家管理。请使用本单位分配的用户名登录。',
      properties: { email: '用户名', password: '密码' },
      loginButton: '登录',
    },
  },
  actions: {
    // The audit trail's own vocabulary (logins, downloads, rights, the trail itself): names and words in one place.
    ...SECURITY_AUDIT_ACTIONS,
    verifyChain: '校验完整性',
    approve: '审核通过',
    approveBulk: '批量审核通过',
    reject: '退回',
    unbindAffiliation: '解除隶属关系',
    resetBudgetMatch: '重置预算匹配',
    resetBudgetMatchBulk: '批量重置预算匹配',
    replayBatch: '重新处理',
    pushToIntegration: '推送',
    pushToIntegrationBulk: '批量推送',
    pushCompleted: '推送成功',
    pushFailed: '推送失败',
    returnContractFiling: '退回合同备案',
    deleteAcceptance: '删除验收单',
    resetPassword: '重置密码',
    deactivate: '停用',
    confirmAnomaly: '确认同意',
    rejectAnomaly: '驳回',
    returnToStepOne: '回第一步',
    returnToStepOneBulk: '批量回第一步',
    approveExpert: '审核通过',
    rejectExpert: '审核退回',
    approveSpecialtyStep: '本级审核通过',
    returnSpecialty: '退回专家',
    approveRequest: '批准',
    openCase: '立案',
    openCaseBulk: '批量立案',
    openSubject: '查看预警对象',
    questionUnit: '质询',
    recordAnswer: '记录答复',
    concludeConfirmed: '办结（属实）',
    concludeUnfounded: '办结（不属实）',
    transferCase: '移交',
    rejectRequest: '不予批准',
    initializeCategories: '初始化品目',
    removeSupplier: '移除协议供应商',
    returnBidding: '退回竞价/报价',
    newVirtualBudget: '新增预算',
    openBudgetSource: '打开原记录',
    approvePayment: '审核通过',
    rejectPayment: '审核退回',
    // What the jobs and scripts record in the audit log: not buttons, but named as the buttons are.
    escalateOverdue: '超期上报',
    endBidding: '竞价到期结束',
    expireSupplier: '协议到期',
    renewSupplier: '协议恢复有效',
    adminCreated: '创建管理员',
    adminPasswordReset: '重置管理员密码',
    personalDataRekeyed: '个人信息密钥轮换',
    lockedAccounts: '受限账号',
    operateQueue: '操作任务队列',
    endSession: '结束会话',
  },
  buttons: { submit: '提交' },
  messages: {
    // AdminJS's own sentences name the resource id and action; our routes replace them, these stay as a fallback.
    error404Resource: '没有这个功能模块',
    error404Action: '该操作不存在或您无权执行',
    error404Record: '该记录不存在或不在您的辖区内',
    pageNotFound_title: '页面不存在',
    // AdminJS's own zh-CN says 纪录.
    successfullyCreated: '已成功创建新记录',
    invalidCredentials: '用户名或密码错误',
    loginThrottled: '登录失败次数过多，为保护账号已暂缓受理，请稍后再试（失败越多，等待越久）',
    // Why the login page is shown again (the session's time limits, http/session-limits.ts).
    sessionEndedIdle: '长时间未操作，已自动退出，请重新登录',
    sessionEndedAbsolute: '登录已超过 {{hours}} 小时，已自动退出，请重新登录',
    databaseUnavailable: '数据库暂时无法连接，系统正在自动重试；请稍后刷新页面或重新提交，已保存的数据不会丢失',
    forbiddenError: '您没有执行此操作的权限',
    concurrentChange: '该记录已被他人处理',
    reasonRequired: '请填写原因',
    reasonTooLong: '原因不能超过 500 个字',
    outsideJurisdiction: '该记录不存在或不在您的辖区内',
    roleMayNotAct: '您的角色无权执行此操作',
  },
  properties: {
    id: '编号',
    code: '区划代码',
    name: '名称',
    level: '级别',
    parentCode: '上级区划',
    regionCode: '所属辖区',
    createdAt: '创建时间',
    updatedAt: '更新时间',
    deadline: '办理时限',
    dueDate: '到期日',
    overdue: '已超期',
    overdueDays: '超期工作日',
    lateFiling: '逾期备案',
    lateFilingDays: '逾期工作日',
    decidable: '待我处理',
    related: '相关记录',
    // What an export's audit entry records.
    filters: '筛选条件',
    rows: '行数',
    // What the audit trail's own entries record (domain/audit-actions.ts).
    fileName: '文件名',
    askedBy: '导出人',
    checkedRows: '校验条数',
    breakCount: '发现问题',
    prunedFrom: '清理起始序号',
    prunedThrough: '清理截止序号',
    prunedRows: '清理条数',
    lastPrunedHash: '最后清理记录的校验值',
    prunedBefore: '清理此时间之前的记录',
  },
  resources: {
    Region: recordLocale(REGION, 'zh'),
    SupervisorUser: {
      properties: { ...userLocale.properties, password: '密码' },
      labels: userLocale.labels,
    },
    RoleGrant: {
      properties: { ...userLocale.properties, password: '密码' },
      labels: userLocale.labels,
    },
    AuditLog: recordLocale(AUDIT_LOG, 'zh'),
    LoginAttempt: recordLocale(LOGIN_ATTEMPT, 'zh'),
    ActiveSession: recordLocale(ACTIVE_SESSION, 'zh'),
    ProcurementUnit: unitTranslations,
    FormalMemberUnit: unitTranslations,
    BudgetCodeCheck: unitTranslations,
    Affiliation: recordLocale(AFFILIATION, 'zh'),
    IntegrationUnit: recordLocale(INTEGRATION_UNIT, 'zh'),
    IntegrationBudget: {
      properties: { ...recordLocale(INTEGRATION_BUDGET, 'zh').properties, history: '操作历史', related: '相关记录' },
      labels: recordLocale(INTEGRATION_BUDGET, 'zh').labels,
    },
    PaymentVoucher: recordLocale(PAYMENT_VOUCHER, 'zh'),
    ...Object.fromEntries(['ContractFiling', 'ManualPushFiling'].map((id) => [id, filingTranslations])),
    AcceptanceFiling: {
      properties: { ...recordLocale(ACCEPTANCE_FILING, 'zh').properties, history: '操作历史' },
    },
    // No choices: the block names its fields only, as before.
    ProcurementIntention: { properties: recordLocale(PROCUREMENT_INTENTION, 'zh').properties },
    PaymentMiddleRecord: { properties: recordLocale(PAYMENT_MIDDLE_RECORD, 'zh').properties },
    MethodChangeRequest: {
      properties: { ...methodChangeLocale.properties, history: '操作历史' },
      labels: { ...methodChangeLocale.labels, originalMethod: METHOD_LABELS, requestedMethod: METHOD_LABELS },
    },
    ImportProductRequest: {
      properties: { ...importProductLocale.properties, history: '操作历史' },
      labels: importProductLocale.labels,
    },
    FailedTenderHandling: failedTenderTranslations,
    NonTenderFailedHandling: failedTenderTranslations,
    PreAwardAnomaly: { properties: { ...preAwardLocale.properties, history: '操作历史' }, labels: preAwardLocale.labels },
    Expert: {
      properties: { ...expertLocale.properties, related: '相关记录', history: '操作历史' },
      labels: expertLocale.labels,
    },
    ExpertSpecialtyReview: {
      properties: { ...specialtyLocale.properties, history: '操作历史' },
      labels: specialtyLocale.labels,
    },
    ExpertAssignment: recordLocale(EXPERT_ASSIGNMENT, 'zh'),
    AgreementLibrary: {
      properties: { ...recordLocale(AGREEMENT_LIBRARY, 'zh').properties, related: '库中内容', history: '操作历史' },
      actions: { new: '建立商品库' },
    },
    AgreementCategory: {
      properties: { ...recordLocale(AGREEMENT_CATEGORY, 'zh').properties, related: '相关记录', history: '操作历史' },
      actions: { new: '新增品目' },
    },
    AgreementGoods: {
      properties: { ...recordLocale(AGREEMENT_GOODS, 'zh').properties, history: '操作历史' },
      actions: { new: '新增商品', delete: '删除商品' },
    },
    AgreementSupplier: {
      properties: { ...supplierLocale.properties, related: '相关记录', history: '操作历史' },
      labels: supplierLocale.labels,
      actions: { new: '添加协议供应商' },
    },
    BiddingRecord: {
      properties: { ...biddingLocale.properties, related: '报价情况', history: '操作历史' },
      labels: biddingLocale.labels,
    },
    Escalation: recordLocale(ESCALATION, 'zh'),
    RiskFlag: {
      properties: { ...recordLocale(RISK_FLAG, 'zh').properties, history: '操作历史' },
      labels: recordLocale(RISK_FLAG, 'zh').labels,
    },
    SupervisionCase: {
      properties: {
        ...recordLocale(SUPERVISION_CASE, 'zh').properties,
        related: '涉及预警与质询答复',
        flags: '涉及预警',
        history: '操作历史',
      },
      labels: recordLocale(SUPERVISION_CASE, 'zh').labels,
    },
    CaseEntry: recordLocale(CASE_ENTRY, 'zh'),
    BiddingQuote: { properties: recordLocale(BIDDING_QUOTE, 'zh').properties },
    BudgetOverview: recordLocale(BUDGET_OVERVIEW, 'zh'),
    VirtualBudget: {
      properties: { ...virtualBudgetLocale.properties, related: '相关记录', history: '操作历史' },
      labels: virtualBudgetLocale.labels,
    },
    ...Object.fromEntries(
      ['ProcurementProject', 'ProjectOrganisation', 'DesignatedAgencyProject', 'ProjectAgencyMethod', 'EntrustedAgencyProject'].map(
        (id) => [id, projectTranslations],
      ),
    ),
    SupplierRegistration: recordLocale(SUPPLIER_REGISTRATION, 'zh'),
    ProjectBudgetLine: recordLocale(PROJECT_BUDGET_LINE, 'zh'),
    Announcement: recordLocale(ANNOUNCEMENT, 'zh'),
    AwardNotice: awardNoticeTranslations,
    SelfRunAwardNotice: awardNoticeTranslations,
    PostAwardRecord: recordLocale(POST_AWARD_RECORD, 'zh'),
    PaymentApplication: {
      properties: { ...recordLocale(PAYMENT_APPLICATION, 'zh').properties, history: '操作历史' },
      labels: recordLocale(PAYMENT_APPLICATION, 'zh').labels,
    },
    IntegrationInbox: {
      properties: { ...recordLocale(INTEGRATION_INBOX, 'zh').properties, history: '操作历史' },
      labels: recordLocale(INTEGRATION_INBOX, 'zh').labels,
    },
  },
};
