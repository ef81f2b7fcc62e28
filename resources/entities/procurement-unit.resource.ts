import { Op } from 'sequelize';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { PROCUREMENT_UNIT } from '../../db/records/procurement-unit.record.js';
import { flagsOf } from '../risk/flag-subjects.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { ProcurementUnit } from '../../db/models/entities/procurement-unit.model.js';
import { compareWithIntegration } from '../../services/entities/unit-review.js';

const UNIT_STATUS_LABELS = choiceLabels(PROCUREMENT_UNIT.fields.status, 'zh');

const approve: SupervisoryActionSpec<ProcurementUnit> = {
  name: 'approve',
  label: '审核通过',
  resourceId: 'ProcurementUnit',
  model: ProcurementUnit,
  from: PROCUREMENT_UNIT.pending.in,
  stateLabels: UNIT_STATUS_LABELS,
  reason: 'optional',
  inspect: async (unit, _user, transaction) => compareWithIntegration(unit, transaction),
  apply: (_unit, { user, reason, now }) => ({
    status: 'approved',
    formalMember: true,
    reviewedAt: now,
    reviewerName: user.displayName,
    reviewComment: reason,
    budgetCodeVerdict: 'match',
  }),
  success: (unit) => `“${unit.name}”审核通过，已成为正式库会员`,
  icon: 'CheckCircle',
  variant: 'success',
  bulk: true,
};

const reject: SupervisoryActionSpec<ProcurementUnit> = {
  name: 'reject',
  label: '退回',
  resourceId: 'ProcurementUnit',
  model: ProcurementUnit,
  from: PROCUREMENT_UNIT.pending.in,
  stateLabels: UNIT_STATUS_LABELS,
  reason: 'required',
  inspect: async (unit, _user, transaction) => ({ details: (await compareWithIntegration(unit, transaction)).details }),
  apply: (_unit, { user, reason, now }) => ({
    status: 'returned',
    formalMember: false,
    reviewedAt: now,
    reviewerName: user.displayName,
    reviewComment: reason,
  }),
  success: (unit) => `已退回“${unit.name}”，单位修改后可重新提交`,
  icon: 'XCircle',
  variant: 'danger',
};

/** What hangs off a unit: its budgets, affiliations both ways, projects and filings. */
const UNIT_RELATED: ResourceDefinition['related'] = [
  { resourceId: 'Affiliation', foreignKey: 'subordinateUnitId', title: 'relatedAsSubordinate' },
  { resourceId: 'Affiliation', foreignKey: 'supervisingUnitId', title: 'relatedAsSupervising' },
  { resourceId: 'IntegrationBudget', foreignKey: 'procurementUnitId' },
  { resourceId: 'VirtualBudget', foreignKey: 'procurementUnitId' },
  { resourceId: 'ProcurementProject', foreignKey: 'procurementUnitId' },
  { resourceId: 'ContractFiling', foreignKey: 'procurementUnitId' },
  flagsOf('ProcurementUnit'),
];

const unitOptions = {
  titleProperty: 'name',
  properties: {
    reviewComment: { type: 'textarea' as const },
  },
};

export const procurementUnitResource: ResourceDefinition = {
  id: 'ProcurementUnit',
  model: ProcurementUnit,
  related: UNIT_RELATED,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    ...unitOptions,
    actions: {
      ...supervisoryActions(approve),
      ...supervisoryActions(reject),
    },
  },
};

/** The manual's own words (“重要说明”) for choosing a unit whose basic information is not yet approved. */
export const UNIT_NOT_APPROVED = '采购单位必须基本信息审核通过后才能挑选';

export const formalMemberUnitResource: ResourceDefinition = {
  id: 'FormalMemberUnit',
  model: ProcurementUnit,
  viewWhere: { formalMember: true },
  viewRefusal: UNIT_NOT_APPROVED,
  related: UNIT_RELATED,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: unitOptions,
};

export const budgetCodeCheckResource: ResourceDefinition = {
  id: 'BudgetCodeCheck',
  model: ProcurementUnit,
  decisionsOf: 'ProcurementUnit',
  viewWhere: { budgetCodeVerdict: { [Op.ne]: 'match' } },
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: unitOptions,
};
