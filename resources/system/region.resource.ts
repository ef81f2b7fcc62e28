import { Region } from '../../db/models/system/region.model.js';
import { regionRowsOf } from '../../services/office-names.js';
import type { ResourceDefinition } from '../resource-definition.js';

export const regionResource: ResourceDefinition = {
  id: 'Region',
  model: Region,
  builtInActions: ['list', 'show', 'search'],
  options: { titleProperty: 'name' },
  // The tree is written only by the seeds at start, which then load it into memory (services/office-names.ts).
  titlesInMemory: regionRowsOf,
};
