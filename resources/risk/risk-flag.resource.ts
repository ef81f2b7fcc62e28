import type { ActionContext, ActionRequest } from 'adminjs';
import { openCaseActions } from '../../actions/open-case-action.js';
import { figuresText } from '../../domain/risk/figures-text.js';
import { RiskFlag } from '../../db/models/risk/risk-flag.model.js';
import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { RESOURCES_WITH_FLAGS } from './flag-subjects.js';

/**
 * 风险预警: the flags of the user's jurisdiction, highest score first, each with the figures that raised it; read-only
 * but for 立案 (one case from one flag, or from several of one region) and the way to the record it is about.
 */
export const riskFlagResource: ResourceDefinition = {
  id: 'RiskFlag',
  model: RiskFlag,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  // The figures are kept as the rule gave them and read as one line (the export writes the same words).
  rowFacts: async (rows) => {
    for (const row of rows) row.figures = figuresText(row.figures);
  },
  options: {
    titleProperty: 'subjectLabel',
    properties: {
      amount: MONEY,
      score: { ...MONEY, isSortable: true },
      figures: { type: 'string', isSortable: false },
      basis: { type: 'textarea' },
      caseId: { reference: 'SupervisionCase' },
    },
    actions: {
      ...openCaseActions(),
      openSubject: {
        actionType: 'record',
        icon: 'ExternalLink',
        component: false,
        isVisible: ({ record }) => !!record && RESOURCES_WITH_FLAGS.has(String(record.params.subjectType)),
        handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
          const { subjectType, subjectId } = context.record!.params as { subjectType: string; subjectId: string };
          return {
            record: context.record!.toJSON(context.currentAdmin),
            ...(RESOURCES_WITH_FLAGS.has(subjectType)
              ? { redirectUrl: context.h.recordActionUrl({ resourceId: subjectType, recordId: subjectId, actionName: 'show' }) }
              : { notice: { message: '该预警对象没有可查看的记录页', type: 'error' } }),
          };
        },
      },
    },
  },
};
