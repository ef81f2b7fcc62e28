import { timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, choice, integer, money, moment, reference, text } from '../record/fields.js';

/** A procurement budget line (采购预算指标) approved and pushed by the 一体化 platform; read-only here. */
export const INTEGRATION_BUDGET = declareRecord({
  name: 'IntegrationBudget',
  table: 'integration_budgets',
  large: true,
  indexes: [
    { fields: ['regionCode', 'fiscalYear'] },
    { fields: ['unitBudgetCode'] },
    { fields: ['matchStatus'] },
    { fields: ['createdAt'] },
    { fields: ['regionCode', 'createdAt'] },
    ...trigramIndexes('budgetLineId', 'unitBudgetCode', 'unitName', 'projectName', 'categoryCode', 'fundType'),
  ],
  label: { zh: '一体化预算', en: 'Integration budget' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    budgetLineId: text(64, { zh: '指标ID', en: 'Budget line ID' }, { unique: true }),
    fiscalYear: integer({ zh: '预算年度', en: 'Fiscal year' }),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    unitBudgetCode: text(50, { zh: '单位预算编码', en: 'Unit budget code' }),
    unitName: text(200, { zh: '单位名称', en: 'Unit name' }),
    projectName: text(300, { zh: '预算项目', en: 'Budget project' }),
    categoryCode: text(30, { zh: '品目编码', en: 'Category code' }),
    amount: money({ zh: '金额（元）', en: 'Amount (yuan)' }),
    fundType: text(50, { zh: '资金性质', en: 'Fund type' }),
    sourceUpdatedAt: moment({ zh: '一体化更新时间', en: 'Updated on the integration platform' }),
    procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' }, { nullable: true })),
    matchStatus: choice(
      {
        unmatched: { zh: '未匹配', en: 'Unmatched' },
        matched: { zh: '已匹配', en: 'Matched' },
      },
      { zh: '匹配状态', en: 'Match status' },
      { tones: { unmatched: 'pending', matched: 'done' }, default: 'unmatched' },
    ),
    matchedProjectCode: text(64, { zh: '匹配的采购项目编号', en: 'Matched project number' }, { nullable: true }),
    matchedProjectName: text(300, { zh: '匹配的采购项目', en: 'Matched project' }, { nullable: true }),
    matchedAt: moment({ zh: '匹配时间', en: 'Matched at' }, { nullable: true }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...timestamps({ createdAt: { zh: '接收时间', en: 'Received at' }, updatedAt: { zh: '更新时间', en: 'Updated at' } }),
  },
});
