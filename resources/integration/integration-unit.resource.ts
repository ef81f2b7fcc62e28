import type { ResourceDefinition } from '../resource-definition.js';
import { IntegrationUnit } from '../../db/models/integration/integration-unit.model.js';

export const integrationUnitResource: ResourceDefinition = {
  id: 'IntegrationUnit',
  model: IntegrationUnit,
  builtInActions: ['list', 'show', 'search'],
  options: { titleProperty: 'unitName' },
};
