import type { Model } from 'sequelize';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { Components } from '../../server/components/registry.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { inspectBudgetMatch, MATCH_STATUS_LABELS } from './budget-match.js';
import { IntegrationBudget } from './integration-budget.model.js';

const resetBudgetMatch: SupervisoryActionSpec<IntegrationBudget> = {
  name: 'resetBudgetMatch',
  label: '重置预算匹配',
  resourceId: 'IntegrationBudget',
  model: IntegrationBudget,
  statusField: 'matchStatus',
  from: ['matched'],
  stateLabels: MATCH_STATUS_LABELS,
  reason: 'required',
  inspect: async (budget, _user, transaction) => inspectBudgetMatch(budget, transaction),
  apply: () => ({ matchStatus: 'unmatched', matchedProjectCode: null, matchedProjectName: null, matchedAt: null }),
  success: (budget) => `已重置指标 ${budget.budgetLineId} 的预算匹配，该指标可重新匹配采购项目`,
  icon: 'RotateCcw',
  variant: 'danger',
  bulk: true,
  component: Components.SupervisoryActionForm,
  bulkComponent: Components.SupervisoryBulkForm,
};

export const integrationBudgetResource: ResourceDefinition = {
  id: 'IntegrationBudget',
  model: IntegrationBudget as unknown as ResourceDefinition['model'],
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'projectName',
    properties: {
      procurementUnitId: { reference: 'ProcurementUnit' },
      history: { isVisible: { list: false, filter: false, edit: false, show: true }, components: { show: Components.RecordHistory } },
    },
    actions: supervisoryActions(resetBudgetMatch as unknown as SupervisoryActionSpec<Model>),
  },
};
