import { BUDGET_KIND_LABELS, BUDGET_KIND_LABELS_EN } from '../models/plan/plan-labels.js';
import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, bilingual, choice, integer, money, reference, text } from '../record/fields.js';

/** How much of one budget (an 一体化 line or a virtual budget) a project uses. */
export const PROJECT_BUDGET_LINE = declareRecord({
  name: 'ProjectBudgetLine',
  table: 'project_budget_lines',
  large: true,
  indexes: [{ fields: ['projectId'] }, { fields: ['budgetNo'] }, ...trigramIndexes('budgetNo')],
  label: { zh: '项目预算明细', en: 'Project budget line' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Procurement project' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    budgetKind: choice(bilingual(BUDGET_KIND_LABELS, BUDGET_KIND_LABELS_EN), {
      zh: '预算类型',
      en: 'Budget type',
    }),
    budgetNo: text(64, { zh: '指标ID / 预算编号', en: 'Budget line ID / budget no.' }),
    amount: money({ zh: '使用金额（元）', en: 'Amount used (yuan)' }),
    ...timestamps({ createdAt: { zh: '创建时间', en: 'Created at' } }),
  },
});
