import { Region } from '../../db/models/system/region.model.js';
import type { ResourceDefinition } from '../resource-definition.js';

export const regionResource: ResourceDefinition = {
  id: 'Region',
  model: Region,
  builtInActions: ['list', 'show', 'search'],
  options: { titleProperty: 'name' },
};
