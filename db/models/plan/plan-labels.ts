/** Chinese names of the 计划管理 values, shared by the locale, server messages and seeds. */
export const SCENARIO_LABELS = {
  funds_assured: '政府采购预算暂未下达（有资金保障），需先行走政府采购程序',
  province_wide_split: '省直预算单位统招分签、分付（省市县三级预算）',
  multi_year_service: '物业等一招三年分年度支付',
  partly_self_funded: '财政安排部分预算，其他部分由单位自筹',
  central_unit: '银行、海关、税务等中央驻赣单位通过我省系统采购',
} as const;
export const SCENARIO_LABELS_EN = {
  funds_assured: 'Budget not yet issued (funds assured): procurement goes ahead first',
  province_wide_split: 'Provincial units: tendered together, signed and paid separately (province, city and county budgets)',
  multi_year_service: 'Property services and the like: one tender for three years, paid year by year',
  partly_self_funded: 'Partly funded by the budget, the rest by the unit itself',
  central_unit: 'Central units in Jiangxi (banks, customs, tax …) procuring through the provincial system',
} as const;
export type Scenario = keyof typeof SCENARIO_LABELS;
export const SCENARIOS = Object.keys(SCENARIO_LABELS) as Scenario[];

export const CATEGORY_LABELS = { goods: '货物', works: '工程', services: '服务' } as const;
/** Their English, for the records that declare these choices (db/records/). */
export const CATEGORY_LABELS_EN = { goods: 'Goods', works: 'Works', services: 'Services' } as const;
export type Category = keyof typeof CATEGORY_LABELS;

export { FUND_SOURCES } from '../../../domain/virtual-budget.js';

export const BUDGET_KIND_LABELS = { integrated: '一体化预算', virtual: '新增预算' } as const;
export const BUDGET_KIND_LABELS_EN = { integrated: 'Integration budget', virtual: 'Virtual budget' } as const;
export const LINK_STATUS_LABELS = {
  matched: '已匹配采购项目',
  unmatched: '未匹配',
  linked: '已关联一体化指标',
  unlinked: '未关联一体化指标',
} as const;

export const BUDGET_REVIEW_LABELS = { pending: '待审核', approved: '审核通过', returned: '审核退回' } as const;
export const ORGANISATION_FORM_LABELS = { centralized: '集中采购', departmental: '部门集中采购', decentralized: '分散采购' } as const;
export const AGENCY_MODE_LABELS = { self_organised: '自行组织', entrusted: '委托代理机构' } as const;
export const PROJECT_STAGE_LABELS = {
  planning: '计划中',
  bidding: '招标采购中',
  awarded: '已确定中标人',
  contracted: '已签订合同',
  failed: '废标',
} as const;
export { METHOD_LABELS } from '../../../domain/procurement-methods.js';
