import { UNIT_STATUS_LABELS } from '../../resources/entities/unit-review.js';
import { BUDGET_CODE_VERDICT_LABELS } from '../../domain/budget-code-verdict.js';
import { INTEGRATION_KIND_LABELS } from '../../domain/integration-items.js';
import { SUPPLIER_STATUS_LABELS } from '../../domain/agreement-time-states.js';
import {
  BUDGET_TYPE_LABELS, FILING_KIND_LABELS, FILING_STATUS_LABELS, PUSH_ROUTE_LABELS, PUSH_STATUS_LABELS,
} from '../../resources/filings/filing-labels.js';
import { MATCH_STATUS_LABELS } from '../../resources/integration/budget-match.js';
import { BATCH_STATE_LABELS } from '../../resources/integration/integration-inbox.resource.js';
import { PAYMENT_STATUS_LABELS } from '../../resources/payments/payment-application.resource.js';
import { REQUEST_STATES } from '../../resources/pre-trade/pre-trade-decisions.js';
import { EXPERT_STATES, SPECIALTY_STATES } from '../../domain/expert-review.js';
import { FAILED_TENDER_STATES } from '../../domain/failed-tender-workflow.js';
import { BIDDING_STATUS_LABELS } from '../../domain/agreement-library.js';
import { ANNOUNCEMENT_TYPE_LABELS } from '../../resources/announcements/announcement-labels.js';
import {
  AGENCY_MODE_LABELS, BUDGET_KIND_LABELS, BUDGET_REVIEW_LABELS, CATEGORY_LABELS, LINK_STATUS_LABELS, METHOD_LABELS,
  ORGANISATION_FORM_LABELS, PROJECT_STAGE_LABELS, SCENARIO_LABELS,
} from '../../resources/plan/plan-labels.js';

const unitTranslations = {
  properties: {
    name: '单位名称', creditCode: '统一社会信用代码', unitBudgetCode: '单位预算编码', regionCode: '所属辖区',
    address: '地址', contactName: '联系人', phone: '联系电话', status: '状态', formalMember: '正式库会员',
    integrationBudgetCode: '一体化预算编码', budgetCodeVerdict: '预算编码核对', related: '相关记录', history: '操作历史',
    submittedAt: '提交时间', reviewedAt: '审核时间', reviewerName: '审核人', reviewComment: '审核意见',
  },
  labels: {
    status: UNIT_STATUS_LABELS,
    budgetCodeVerdict: BUDGET_CODE_VERDICT_LABELS,
  },
};

const filingTranslations = {
  properties: {
    kind: '备案类型', contractNo: '合同编号', contractName: '合同名称', signedAt: '签订日期', amount: '合同金额（元）',
    supplierName: '供应商', procurementMethod: '采购方式', projectName: '采购项目', procurementUnitId: '采购单位',
    regionCode: '所属辖区', budgetLineId: '指标ID', virtualBudgetId: '新增预算', budgetYear: '预算年度', budgetType: '预算类型',
    filedAt: '备案时间', status: '备案状态', returnedAt: '退回时间', returnReason: '退回原因', pushStatus: '推送状态',
    pushedAt: '推送时间', lastPushError: '推送错误', pushVerdict: '推送条件', pushRoute: '推送途径', pushReasons: '不能推送的原因',
    triggerDate: '触发日期', paidAmount: '已支付（元）', overpaid: '超额支付', version: '版本', history: '操作历史', related: '相关记录',
    createdAt: '创建时间', updatedAt: '更新时间',
  },
  labels: {
    kind: FILING_KIND_LABELS,
    procurementMethod: METHOD_LABELS,
    budgetType: BUDGET_TYPE_LABELS,
    status: FILING_STATUS_LABELS,
    pushStatus: PUSH_STATUS_LABELS,
    pushVerdict: { pushable: '可推送', blocked: '不可推送' },
    pushRoute: PUSH_ROUTE_LABELS,
  },
};

const projectTranslations = {
  properties: {
    projectNo: '项目编号', name: '项目名称', procurementUnitId: '采购单位', regionCode: '所属辖区', budgetYear: '预算年度',
    budgetAmount: '预算金额（元）', category: '品目类别', procurementMethod: '采购方式', budgetReviewStatus: '预算审核状态',
    budgetReviewedAt: '预算审核时间', budgetReviewOpinion: '预算审核意见', organisationForm: '组织形式',
    designatedAgency: '指定集中采购机构', agencyMode: '组织方式', agencyName: '采购机构', socialAgencyName: '委托的社会代理机构',
    entrustedAt: '委托时间', stage: '项目进度', related: '相关记录', createdAt: '创建时间', updatedAt: '更新时间',
  },
  labels: {
    category: CATEGORY_LABELS, budgetReviewStatus: BUDGET_REVIEW_LABELS, organisationForm: ORGANISATION_FORM_LABELS,
    agencyMode: AGENCY_MODE_LABELS, stage: PROJECT_STAGE_LABELS, procurementMethod: METHOD_LABELS,
  },
};

const preTradeRequest = {
  projectName: '项目名称', projectId: '采购项目', procurementUnitId: '采购单位', regionCode: '所属辖区', reasons: '申请理由',
  expertOpinion: '专家论证意见', state: '审批状态', approvingRegion: '审批辖区', submittedAt: '申请时间', decidedAt: '审批时间',
  decidedBy: '审批人', decisionReason: '审批意见', version: '版本', history: '操作历史',
};

const anomalyDecision = {
  confirmationRequired: '须采购办确认', confirmationBasis: '确认依据', state: '状态', unitApprovedAt: '单位审核时间',
  decidedAt: '采购办处理时间', decidedBy: '采购办处理人', decisionReason: '处理意见', version: '版本', history: '操作历史',
  projectId: '采购项目', projectNo: '项目编号', projectName: '项目名称', regionCode: '所属辖区',
};

const failedTenderTranslations = {
  properties: {
    ...anomalyDecision, category: '品目类别', amount: '预算金额（元）', originalMethod: '原采购方式', newMethod: '拟采用的采购方式',
    failureReason: '废标原因',
  },
  labels: { state: FAILED_TENDER_STATES, category: CATEGORY_LABELS, originalMethod: METHOD_LABELS, newMethod: METHOD_LABELS },
};

const awardNoticeTranslations = {
  properties: {
    noticeNo: '通知书编号', projectId: '采购项目', regionCode: '所属辖区', kind: '类型', supplierName: '中标（成交）供应商',
    supplierCreditCode: '供应商统一社会信用代码', awardAmount: '中标（成交）金额（元）', issuedAt: '发出时间', agencyName: '代理机构',
  },
  labels: { kind: { entrusted: '委托采购', self_run: '自行采购' } },
};

/** Our labels in Chinese; AdminJS's own zh-CN strings fill everything not named here. */
export const zhCN = {
  labels: {
    navigation: '导航',
    dashboard: '工作台',
    bulkProgress: '进度：{{finished}} / {{total}} 已完成（其中失败 {{failed}}）',
    historyTitle: '操作历史', historyEmpty: '暂无操作记录', historyAt: '时间', historyUser: '操作人', historyAction: '操作',
    historyBlank: '（空）', historyChanges: '变更', historyReason: '原因',
    loading: '加载中…', loadFailed: '加载失败，请刷新页面重试', submitFailed: '提交失败，请检查网络后重试',
    reasonRequiredLabel: '原因（必填）', reasonOptionalLabel: '意见（选填）', bulkChosen: '已选择 {{count}} 条：{{titles}}',
    greeting: '您好，{{name}}（{{role}}，{{region}}）。欢迎使用江西省政府采购监管平台。', backgroundJobs: '后台任务',
    queueBullmq: 'BullMQ 队列', queueInline: '进程内执行',
    pendingWork: '待办事项', overdueCount: '其中超期 {{count}} 件', watchingCount: '另有 {{count}} 件由其他采购办处理（仅查看）', chartPushes: '近30日推送一体化情况', chartPushed: '推送成功',
    chartFailed: '推送失败', chartMethods: '本年度合同金额按采购方式', chartMoney: '各地区一体化预算、合同与支付金额', chartBudget: '一体化预算',
    chartContracted: '合同金额', chartPaid: '已支付', queueBoard: '查看任务队列',
    exportIntro: '将按当前列表的筛选条件和排序导出全部记录（仅限您辖区内的数据），在后台生成 Excel 文件，完成后可在此下载，文件保留 24 小时。',
    exportStart: '开始导出', exportProgress: '已导出 {{done}} / {{total}} 行', exportDownload: '下载 Excel 文件', exportFailed: '导出失败',
    relatedTitle: '相关记录', relatedCount: '（共 {{count}} 条）', relatedEmpty: '无', relatedAll: '查看全部 {{count}} 条',
    relatedAsSubordinate: '作为下级单位的隶属关系', relatedAsSupervising: '作为主管单位的隶属关系', attachmentNone: '无附件',
    pickerTime: '时间',
    itemErrorsEmpty: '无', itemIndex: '第几项（从 0 开始）', itemField: '字段', itemMessage: '错误',
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
    'menu.system': '系统管理',
    Region: '行政区划',
    SupervisorUser: '监管用户',
    AuditLog: '操作日志',
    LoginAttempt: '登录安全事件',
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
    Login: {
      welcomeHeader: '江西省政府采购监管平台',
      welcomeMessage: '省、市、县采购监管部门工作平台：采购单位审核、一体化预算与支付、合同备案推送、异常处理与专家管理。请使用本单位分配的用户名登录。',
      properties: { email: '用户名', password: '密码' },
      loginButton: '登录',
    },
  },
  actions: {
    approve: '审核通过',
    approveBulk: '批量审核通过',
    reject: '退回',
    unbindAffiliation: '解除隶属关系',
    resetBudgetMatch: '重置预算匹配',
    resetBudgetMatchBulk: '批量重置预算匹配',
    replayBatch: '重新处理',
    pushToIntegration: '推送', pushToIntegrationBulk: '批量推送', pushCompleted: '推送成功', pushFailed: '推送失败',
    returnContractFiling: '退回合同备案', deleteAcceptance: '删除验收单',
    resetPassword: '重置密码',
    deactivate: '停用',
    confirmAnomaly: '确认同意', rejectAnomaly: '驳回', returnToStepOne: '回第一步', returnToStepOneBulk: '批量回第一步',
    approveExpert: '审核通过', rejectExpert: '审核退回', approveSpecialtyStep: '本级审核通过', returnSpecialty: '退回专家',
    approveRequest: '批准', rejectRequest: '不予批准',
    exportXlsx: '导出Excel',
    initializeCategories: '初始化品目', removeSupplier: '移除协议供应商', returnBidding: '退回竞价/报价',
    newVirtualBudget: '新增预算', openBudgetSource: '打开原记录', approvePayment: '审核通过', rejectPayment: '审核退回',
  },
  buttons: { submit: '提交' },
  messages: {
    invalidCredentials: '用户名或密码错误',
    loginThrottled: '登录失败次数过多，为保护账号已暂缓受理，请稍后再试（失败越多，等待越久）',
    databaseUnavailable: '数据库暂时无法连接，系统正在自动重试；请稍后刷新页面或重新提交，已保存的数据不会丢失',
    forbiddenError: '您没有执行此操作的权限',
    concurrentChange: '该记录已被他人处理',
    reasonRequired: '请填写原因',
    reasonTooLong: '原因不能超过 500 个字',
    outsideJurisdiction: '该记录不存在或不在您的辖区内',
    roleMayNotAct: '您的角色无权执行此操作',
  },
  properties: {
    code: '区划代码',
    name: '名称',
    level: '级别',
    parentCode: '上级区划',
    regionCode: '所属辖区',
    createdAt: '创建时间',
    updatedAt: '更新时间',
    deadline: '办理时限', dueDate: '到期日', overdue: '已超期', overdueDays: '超期工作日',
    lateFiling: '逾期备案', lateFilingDays: '逾期工作日',
    decidable: '待我处理',
  },
  resources: {
    Region: {
      properties: {
        code: '区划代码', name: '名称', level: '级别', parentCode: '上级区划',
      },
      labels: { level: { province: '省', city: '市', county: '县（区）' } },
    },
    SupervisorUser: {
      properties: {
        username: '用户名', displayName: '姓名/单位', role: '角色', regionCode: '所属辖区', active: '启用',
        lastLoginAt: '最后登录', password: '密码', passwordHash: '密码摘要',
      },
      labels: { role: { admin: '系统管理员', province: '省采购监管处', city: '市采购办', county: '县区采购办', gongguanban: '省公管办' } },
    },
    AuditLog: {
      properties: {
        actorUsername: '操作人', actorRole: '角色', actorRegion: '操作人辖区', action: '操作', resourceId: '对象类型',
        recordId: '记录编号', regionCode: '记录辖区', changes: '变更内容', reason: '原因', createdAt: '时间',
      },
    },
    LoginAttempt: {
      properties: {
        createdAt: '时间', username: '用户名', outcome: '结果', succeeded: '成功', ip: '来源地址', deviceId: '受信任浏览器',
      },
      labels: {
        outcome: {
          succeeded: '登录成功', wrongPassword: '密码错误', unknownUser: '用户名不存在', inactive: '账号已停用', throttled: '失败过多，已延迟',
        },
      },
    },
    ProcurementUnit: unitTranslations,
    FormalMemberUnit: unitTranslations,
    BudgetCodeCheck: unitTranslations,
    Affiliation: {
      properties: {
        subordinateUnitId: '下级预算单位', supervisingUnitId: '主管预算单位', regionCode: '所属辖区', status: '状态',
        requestedAt: '申请时间', confirmedAt: '确认时间', unboundAt: '解除时间', unboundBy: '解除人', unbindReason: '解除原因',
      },
      labels: { status: { pending: '待确认', confirmed: '已确认', unbound: '已解除' } },
    },
    IntegrationUnit: {
      properties: {
        unitBudgetCode: '单位预算编码', unitName: '单位名称', creditCode: '统一社会信用代码', regionCode: '所属辖区',
        sourceUpdatedAt: '一体化更新时间', createdAt: '接收时间',
      },
    },
    IntegrationBudget: {
      properties: {
        budgetLineId: '指标ID', fiscalYear: '预算年度', regionCode: '所属辖区', unitBudgetCode: '单位预算编码',
        unitName: '单位名称', projectName: '预算项目', categoryCode: '品目编码', amount: '金额（元）', fundType: '资金性质',
        sourceUpdatedAt: '一体化更新时间', procurementUnitId: '采购单位', matchStatus: '匹配状态',
        matchedProjectCode: '匹配的采购项目编号', matchedProjectName: '匹配的采购项目', matchedAt: '匹配时间',
        createdAt: '接收时间', updatedAt: '更新时间', version: '版本', history: '操作历史', related: '相关记录',
      },
      labels: { matchStatus: MATCH_STATUS_LABELS },
    },
    PaymentVoucher: {
      properties: {
        voucherNo: '凭证号', budgetLineId: '指标ID', contractNo: '合同编号', payeeName: '收款人', amount: '金额（元）',
        paidAt: '支付时间', regionCode: '所属辖区', procurementUnitId: '采购单位', createdAt: '接收时间', updatedAt: '更新时间',
      },
    },
    ...Object.fromEntries(['ContractFiling', 'ManualPushFiling'].map((id) => [id, filingTranslations])),
    AcceptanceFiling: {
      properties: {
        contractFilingId: '合同备案', regionCode: '所属辖区', acceptedAt: '验收日期', acceptedAmount: '验收金额（元）',
        filedAt: '验收单备案时间', history: '操作历史',
      },
    },
    PaymentMiddleRecord: {
      properties: {
        sourceFilingId: '来源备案', sourceVersion: '备案版本', contractNo: '合同编号', contractName: '合同名称', signedAt: '签订日期',
        amount: '合同金额（元）', supplierName: '供应商', budgetLineId: '指标ID', unitBudgetCode: '单位预算编码',
        regionCode: '所属辖区', pushedAt: '写入时间',
      },
    },
    ProcurementIntention: {
      properties: {
        projectName: '项目名称', procurementUnitId: '采购单位', regionCode: '所属辖区', requirementSummary: '采购需求概况',
        budgetAmount: '预算金额（元）', expectedMonth: '预计采购时间', publishedAt: '意向公开日期', projectId: '采购项目',
        procurementStartAt: '采购活动开始日期', insufficientNotice: '意向公开不足30日', shortfallDays: '差几日',
      },
    },
    MethodChangeRequest: {
      properties: {
        ...preTradeRequest, category: '品目类别', amount: '预算金额（元）', originalMethod: '原采购方式', requestedMethod: '申请采用的采购方式',
        legalGround: '法律依据', noticeStartAt: '单一来源公示开始', noticeEndAt: '单一来源公示结束',
      },
      labels: { state: REQUEST_STATES, category: CATEGORY_LABELS, originalMethod: METHOD_LABELS, requestedMethod: METHOD_LABELS },
    },
    ImportProductRequest: {
      properties: { ...preTradeRequest, productName: '进口产品', originCountry: '原产国（地区）', amount: '金额（元）' },
      labels: { state: REQUEST_STATES },
    },
    FailedTenderHandling: failedTenderTranslations,
    NonTenderFailedHandling: failedTenderTranslations,
    PreAwardAnomaly: {
      properties: {
        ...anomalyDecision, agencyName: '代理机构', methodChanged: '变更采购方式', rankingChanged: '变更中标人排名',
        winnerNameChanged: '变更中标人名称', originalWinner: '原中标（成交）人', newWinner: '现中标（成交）人', description: '异常情况说明',
      },
      labels: { state: FAILED_TENDER_STATES },
    },
    Expert: {
      properties: {
        name: '姓名', idNumberMasked: '身份证号', gender: '性别', title: '职称', workUnit: '工作单位', phone: '联系电话',
        registrationRegion: '注册地', specialties: '申报评标专业', state: '审核状态', submittedAt: '提交时间', reviewedAt: '审核时间',
        reviewedBy: '审核人', reviewReason: '审核意见', version: '版本', related: '评标专业审核', history: '操作历史',
      },
      labels: { state: EXPERT_STATES, gender: { male: '男', female: '女' } },
    },
    ExpertSpecialtyReview: {
      properties: {
        expertName: '专家', expertId: '专家注册信息', specialtyCode: '专业编码', specialtyName: '评标专业', registrationRegion: '注册地',
        state: '审核环节', appliedAt: '申请时间', cityReviewedBy: '市级审核人', cityReviewedAt: '市级审核时间',
        provinceReviewedBy: '省级审核人', provinceReviewedAt: '省级审核时间', gongguanbanReviewedBy: '省公管办审核人',
        gongguanbanReviewedAt: '省公管办审核时间', returnedAt: '退回时间', returnedBy: '退回人', returnReason: '退回原因',
        version: '版本', history: '操作历史',
      },
      labels: { state: SPECIALTY_STATES },
    },
    AgreementLibrary: {
      properties: {
        name: '商品库名称', ownerRegionCode: '所属辖区', categoriesInitializedAt: '品目初始化时间', createdBy: '建立人',
        createdAt: '建立时间', version: '版本', related: '库中内容', history: '操作历史',
      },
      actions: { new: '建立商品库' },
    },
    AgreementCategory: {
      properties: {
        code: '品目编码', name: '品目名称', level: '层级', isLeaf: '最末级', parentCode: '上级品目编码', libraryId: '商品库',
        libraryRegionCode: '商品库辖区', title: '品目', createdAt: '创建时间', related: '相关记录', history: '操作历史',
      },
      actions: { new: '新增品目' },
    },
    AgreementGoods: {
      properties: {
        name: '商品名称', brand: '品牌', modelNo: '型号', specification: '规格参数', unitPrice: '协议单价（元）', categoryId: '品目',
        supplierId: '协议供应商', libraryId: '商品库', libraryRegionCode: '商品库辖区', createdBy: '添加人', createdAt: '添加时间',
        updatedAt: '更新时间', history: '操作历史',
      },
      actions: { new: '新增商品', delete: '删除商品' },
    },
    AgreementSupplier: {
      properties: {
        supplierName: '供应商名称', creditCode: '统一社会信用代码', contactName: '联系人', contactPhone: '联系电话',
        validFrom: '协议有效期起', validTo: '协议有效期止', status: '状态', libraryId: '商品库', libraryRegionCode: '商品库辖区',
        title: '协议供应商', removedAt: '移除时间', removedBy: '移除人', removeReason: '移除原因', createdAt: '加入时间',
        version: '版本', related: '相关记录', history: '操作历史',
      },
      labels: { status: SUPPLIER_STATUS_LABELS },
      actions: { new: '添加协议供应商' },
    },
    BiddingRecord: {
      properties: {
        biddingNo: '竞价编号', projectName: '采购项目', purchaserName: '采购人', regionCode: '采购人辖区', libraryId: '商品库',
        libraryRegionCode: '商品库辖区', goodsId: '商品', goodsSummary: '采购内容', quantity: '数量', ceilingPrice: '最高限价（元）',
        status: '状态', startAt: '开始时间', endAt: '结束时间', participantCount: '参与供应商数', lowestQuote: '最低报价（元）',
        winningSupplierName: '成交供应商', returnedAt: '退回时间', returnReason: '退回原因', version: '版本', related: '报价情况',
        history: '操作历史',
      },
      labels: { status: BIDDING_STATUS_LABELS },
    },
    BiddingQuote: {
      properties: {
        biddingId: '竞价', libraryRegionCode: '商品库辖区', supplierId: '协议供应商', supplierName: '供应商', quoteAmount: '报价（元）',
        quotedAt: '报价时间',
      },
    },
    Escalation: {
      properties: {
        step: '监管事项', resourceId: '记录类型', recordId: '记录编号', recordTitle: '事项', regionCode: '所属辖区', escalatedTo: '上报至',
        dueDate: '到期日', overdueDays: '超期工作日', escalatedAt: '上报时间', resolved: '已办结',
        resolvedAt: '办结时间', resolvedBy: '办结人', decision: '办结决定',
      },
      labels: {
        step: {
          unitReview: '采购单位信息审核', expertReview: '专家信息审核', specialtyReview: '评标专业审核', failedTenderConfirmation: '废标处理确认',
          preAwardConfirmation: '预中标异常确认', paymentReview: '支付审核', methodChangeApproval: '采购方式变更审批', importProductApproval: '进口产品采购审核',
        },
      },
    },
    BudgetOverview: {
      properties: {
        budgetNo: '指标ID / 预算编号', kind: '预算类型', fiscalYear: '预算年度', regionCode: '所属辖区', procurementUnitId: '采购单位',
        unitName: '单位名称', projectName: '预算项目', category: '品目类别', amount: '金额（元）', fundSource: '资金性质',
        scenario: '新增预算场景', linkStatus: '匹配/关联状态', createdAt: '创建时间', updatedAt: '更新时间',
      },
      labels: { kind: BUDGET_KIND_LABELS, category: CATEGORY_LABELS, scenario: SCENARIO_LABELS, linkStatus: LINK_STATUS_LABELS },
    },
    VirtualBudget: {
      properties: {
        budgetNo: '预算编号', procurementUnitId: '采购单位', regionCode: '所属辖区', fiscalYear: '预算年度', projectName: '项目名称',
        category: '品目类别', amount: '预算金额（元）', fundSource: '资金性质', scenario: '适用场景', remark: '备注',
        linkedBudgetLineId: '关联的一体化指标', linkedAt: '关联时间', createdBy: '新增人', createdAt: '新增时间', updatedAt: '更新时间',
        version: '版本', related: '相关记录', history: '操作历史',
      },
      labels: { category: CATEGORY_LABELS, scenario: SCENARIO_LABELS },
    },
    ...Object.fromEntries(['ProcurementProject', 'ProjectOrganisation', 'DesignatedAgencyProject', 'ProjectAgencyMethod', 'EntrustedAgencyProject']
      .map((id) => [id, projectTranslations])),
    ProjectBudgetLine: {
      properties: { projectId: '采购项目', regionCode: '所属辖区', budgetKind: '预算类型', budgetNo: '指标ID / 预算编号', amount: '使用金额（元）', createdAt: '创建时间' },
      labels: { budgetKind: BUDGET_KIND_LABELS },
    },
    Announcement: {
      properties: {
        title: '标题', type: '类型', projectId: '采购项目', regionCode: '所属辖区', publishedAt: '发布时间', body: '正文', attachmentName: '附件',
      },
      labels: { type: ANNOUNCEMENT_TYPE_LABELS },
    },
    SupplierRegistration: {
      properties: {
        supplierName: '供应商', supplierCreditCode: '统一社会信用代码', projectId: '采购项目', packageNo: '包号', contactName: '联系人',
        contactPhone: '联系电话', status: '报名状态', registeredAt: '报名时间', regionCode: '所属辖区',
      },
      labels: { status: { registered: '已报名', documents_obtained: '已获取采购文件', withdrawn: '已撤回' } },
    },
    AwardNotice: awardNoticeTranslations,
    SelfRunAwardNotice: awardNoticeTranslations,
    PostAwardRecord: {
      properties: {
        contractNo: '合同编号', projectId: '采购项目', supplierName: '中标（成交）供应商', contractAmount: '合同金额（元）', signedAt: '签订日期',
        acceptedAt: '验收日期', paidAmount: '已支付（元）', evaluation: '履约评价', remark: '备注', regionCode: '所属辖区',
      },
      labels: { evaluation: { excellent: '优秀', good: '良好', fair: '合格', poor: '不合格' } },
    },
    PaymentApplication: {
      properties: {
        applicationNo: '申请编号', projectId: '采购项目', contractFilingId: '合同备案', supplierName: '中标供应商',
        contractAmount: '合同金额（元）', paidAmount: '已支付（元）', requestedAmount: '本次申请（元）', appliedAt: '申请时间',
        status: '审核状态', reviewedAt: '审核时间', reviewerName: '审核人', reviewOpinion: '审核意见', regionCode: '所属辖区',
        version: '版本', history: '操作历史',
      },
      labels: { status: PAYMENT_STATUS_LABELS },
    },
    IntegrationInbox: {
      properties: {
        id: '批次号', kind: '数据类型', state: '处理状态', appKey: '推送方', signature: '签名', itemCount: '条数',
        acceptedCount: '校验通过', rejectedCount: '校验未通过', appliedCount: '新增或更新', unchangedCount: '未变化',
        failedCount: '处理出错', itemErrors: '逐项错误（下标从 0 开始）', lastError: '最近一次失败原因', attempts: '处理次数',
        replayCount: '重新处理次数', receivedAt: '接收时间', startedAt: '开始处理时间', finishedAt: '完成时间',
        version: '版本', history: '操作历史',
      },
      labels: {
        kind: INTEGRATION_KIND_LABELS,
        state: BATCH_STATE_LABELS,
      },
    },
  },
};
