import type { Model } from 'sequelize';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { Affiliation } from '../../db/models/entities/affiliation.model.js';

const unbindAffiliation: SupervisoryActionSpec<Affiliation> = {
  name: 'unbindAffiliation',
  label: '解除隶属关系',
  resourceId: 'Affiliation',
  model: Affiliation,
  from: ['pending', 'confirmed'],
  stateLabels: { pending: '待确认', confirmed: '已确认', unbound: '已解除' },
  reason: 'required',
  apply: (_row, { user, reason, now }) => ({ status: 'unbound', unboundAt: now, unboundBy: user.displayName, unbindReason: reason }),
  success: () => '已解除隶属关系，下级单位可重新选择主管预算单位',
  icon: 'Scissors',
  variant: 'danger',
};

export const affiliationResource: ResourceDefinition = {
  id: 'Affiliation',
  model: Affiliation as unknown as ResourceDefinition['model'],
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    properties: {
      unbindReason: { type: 'textarea' },
    },
    actions: supervisoryActions(unbindAffiliation as unknown as SupervisoryActionSpec<Model>),
  },
};
