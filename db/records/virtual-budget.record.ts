import { CATEGORY_LABELS, CATEGORY_LABELS_EN, SCENARIO_LABELS, SCENARIO_LABELS_EN } from '../models/plan/plan-labels.js';
import { timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, bilingual, choice, integer, longText, moment, money, reference, text } from '../record/fields.js';

/**
 * A virtual budget (新增预算): created by a supervisor for an approved unit when one of the manual's five scenarios
 * applies; the purchaser later links it to an 一体化 budget line and pushes it.
 */
export const VIRTUAL_BUDGET = declareRecord({
  name: 'VirtualBudget',
  table: 'virtual_budgets',
  indexes: [{ fields: ['regionCode', 'fiscalYear'] }, { fields: ['procurementUnitId'] }],
  label: { zh: '新增预算', en: 'Virtual budget' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    budgetNo: text(40, { zh: '预算编号', en: 'Budget no.' }, { unique: true }),
    procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    fiscalYear: integer({ zh: '预算年度', en: 'Fiscal year' }),
    projectName: text(300, { zh: '项目名称', en: 'Project name' }),
    category: choice(bilingual(CATEGORY_LABELS, CATEGORY_LABELS_EN), { zh: '品目类别', en: 'Category' }),
    amount: money({ zh: '预算金额（元）', en: 'Budget amount (yuan)' }),
    fundSource: text(50, { zh: '资金性质', en: 'Fund source' }),
    scenario: choice(bilingual(SCENARIO_LABELS, SCENARIO_LABELS_EN), { zh: '适用场景', en: 'Scenario' }),
    remark: longText({ zh: '备注', en: 'Remark' }, { nullable: true, validate: { len: [0, 500] } }),
    linkedBudgetLineId: text(64, { zh: '关联的一体化指标', en: 'Linked integration budget line' }, { nullable: true }),
    linkedAt: moment({ zh: '关联时间', en: 'Linked at' }, { nullable: true }),
    createdBy: text(64, { zh: '新增人', en: 'Created by' }, { codeOf: 'user' }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...timestamps({ createdAt: { zh: '新增时间', en: 'Created at' }, updatedAt: { zh: '更新时间', en: 'Updated at' } }),
  },
});
