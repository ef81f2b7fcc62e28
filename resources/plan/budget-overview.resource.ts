import type { ActionContext, ActionRequest } from 'adminjs';
import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { BudgetOverview } from '../../db/models/plan/budget-overview.model.js';

/** 预算管理: one list of both kinds; 一体化 lines stay read-only, 新增预算 opens the virtual budget form. */
export const budgetOverviewResource: ResourceDefinition = {
  id: 'BudgetOverview',
  model: BudgetOverview,
  builtInActions: ['list', 'show', 'search'],
  options: {
    titleProperty: 'projectName',
    properties: {
      id: { isVisible: false },
      sourceId: { isVisible: false },
      amount: MONEY,
    },
    actions: {
      newVirtualBudget: {
        actionType: 'resource',
        icon: 'Plus',
        variant: 'primary',
        component: false,
        handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => ({
          redirectUrl: context.h.resourceActionUrl({ resourceId: 'VirtualBudget', actionName: 'new' }),
        }),
      },
      openBudgetSource: {
        actionType: 'record',
        icon: 'ExternalLink',
        component: false,
        handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
          const params = context.record!.params as { kind: string; sourceId: number };
          const resourceId = params.kind === 'virtual' ? 'VirtualBudget' : 'IntegrationBudget';
          return {
            record: context.record!.toJSON(context.currentAdmin),
            redirectUrl: context.h.recordActionUrl({ resourceId, recordId: String(params.sourceId), actionName: 'show' }),
          };
        },
      },
    },
  },
};
