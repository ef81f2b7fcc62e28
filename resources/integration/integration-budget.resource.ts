import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { INTEGRATION_BUDGET } from '../../db/records/integration-budget.record.js';
import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { inspectBudgetMatch, markPushedUse, PUSHED_USE, PUSHED_USE_REFUSAL } from '../../services/integration/budget-match.js';
import { IntegrationBudget } from '../../db/models/integration/integration-budget.model.js';

const resetBudgetMatch: SupervisoryActionSpec<IntegrationBudget> = {
  name: 'resetBudgetMatch',
  label: '重置预算匹配',
  resourceId: 'IntegrationBudget',
  model: IntegrationBudget,
  statusField: 'matchStatus',
  from: ['matched'],
  stateLabels: choiceLabels(INTEGRATION_BUDGET.fields.matchStatus, 'zh'),
  reason: 'required',
  inspect: async (budget, _user, transaction) => inspectBudgetMatch(budget, transaction),
  rowRefusal: (values) => (values[PUSHED_USE] ? PUSHED_USE_REFUSAL : null),
  apply: () => ({ matchStatus: 'unmatched', matchedProjectCode: null, matchedProjectName: null, matchedAt: null }),
  success: (budget) => `已重置指标 ${budget.budgetLineId} 的预算匹配，该指标可重新匹配采购项目`,
  icon: 'RotateCcw',
  variant: 'danger',
  bulk: true,
};

export const integrationBudgetResource: ResourceDefinition = {
  id: 'IntegrationBudget',
  model: IntegrationBudget,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  rowFacts: markPushedUse,
  related: [
    { resourceId: 'ContractFiling', foreignKey: 'budgetLineId', localKey: 'budgetLineId' },
    { resourceId: 'PaymentVoucher', foreignKey: 'budgetLineId', localKey: 'budgetLineId' },
    { resourceId: 'ProjectBudgetLine', foreignKey: 'budgetNo', localKey: 'budgetLineId' },
  ],
  options: {
    titleProperty: 'projectName',
    properties: {
      procurementUnitId: { reference: 'ProcurementUnit' },
      amount: MONEY,
    },
    actions: supervisoryActions(resetBudgetMatch),
  },
};
