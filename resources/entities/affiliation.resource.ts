import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { AFFILIATION } from '../../db/records/affiliation.record.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { Affiliation } from '../../db/models/entities/affiliation.model.js';

const unbindAffiliation: SupervisoryActionSpec<Affiliation> = {
  name: 'unbindAffiliation',
  label: '解除隶属关系',
  resourceId: 'Affiliation',
  model: Affiliation,
  from: ['pending', 'confirmed'],
  stateLabels: choiceLabels(AFFILIATION.fields.status, 'zh'),
  reason: 'required',
  apply: (_row, { user, reason, now }) => ({ status: 'unbound', unboundAt: now, unboundBy: user.displayName, unbindReason: reason }),
  success: () => '已解除隶属关系，下级单位可重新选择主管预算单位',
  icon: 'Scissors',
  variant: 'danger',
};

export const affiliationResource: ResourceDefinition = {
  id: 'Affiliation',
  model: Affiliation,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    properties: {
      unbindReason: { type: 'textarea' },
    },
    actions: supervisoryActions(unbindAffiliation),
  },
};
