import type { ResourceDefinition } from '../resource-definition.js';
import { Escalation } from '../../db/models/system/escalation.model.js';

/** 超期上报: what the daily job reported upwards, read-only; seen by the office it was reported to and above. */
export const escalationResource: ResourceDefinition = {
  id: 'Escalation',
  model: Escalation,
  builtInActions: ['list', 'show', 'search'],
  options: { titleProperty: 'recordTitle' },
};
