import {
  BUDGET_KIND_LABELS,
  BUDGET_KIND_LABELS_EN,
  CATEGORY_LABELS,
  CATEGORY_LABELS_EN,
  LINK_STATUS_LABELS,
  SCENARIO_LABELS,
  SCENARIO_LABELS_EN,
} from '../models/plan/plan-labels.js';
import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { bilingual, choice, integer, money, reference, text } from '../record/fields.js';

/**
 * One row of 预算管理: an 一体化 budget line or a virtual budget, read from the `budget_overview` view (its key is the
 * kind's letter and the row's id, 'I12' or 'V3').
 */
export const BUDGET_OVERVIEW = declareRecord({
  name: 'BudgetOverview',
  table: 'budget_overview',
  view: true,
  label: { zh: '预算管理', en: 'Budgets' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: text(20, { zh: '行标识', en: 'Row key' }, { primaryKey: true }),
    kind: choice(bilingual(BUDGET_KIND_LABELS, BUDGET_KIND_LABELS_EN), { zh: '预算类型', en: 'Budget type' }),
    sourceId: integer(undefined),
    budgetNo: text(64, { zh: '指标ID / 预算编号', en: 'Budget line ID / budget no.' }),
    fiscalYear: integer({ zh: '预算年度', en: 'Fiscal year' }),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' }, { nullable: true })),
    unitName: text(200, { zh: '单位名称', en: 'Unit name' }, { nullable: true }),
    projectName: text(300, { zh: '预算项目', en: 'Budget project' }),
    category: choice(bilingual(CATEGORY_LABELS, CATEGORY_LABELS_EN), { zh: '品目类别', en: 'Category' }),
    amount: money({ zh: '金额（元）', en: 'Amount (yuan)' }),
    fundSource: text(50, { zh: '资金性质', en: 'Fund source' }),
    scenario: choice(
      bilingual(SCENARIO_LABELS, SCENARIO_LABELS_EN),
      { zh: '新增预算场景', en: 'Virtual budget scenario' },
      { nullable: true },
    ),
    linkStatus: choice(
      bilingual(LINK_STATUS_LABELS, {
        matched: 'Matched to a procurement project',
        unmatched: 'Unmatched',
        linked: 'Linked to an integration budget line',
        unlinked: 'Not linked to an integration budget line',
      }),
      { zh: '匹配/关联状态', en: 'Match / link status' },
      { tones: { matched: 'done', unmatched: 'pending', linked: 'done', unlinked: 'pending' } },
    ),
    ...timestamps({ createdAt: { zh: '创建时间', en: 'Created at' }, updatedAt: { zh: '更新时间', en: 'Updated at' } }),
  },
});
