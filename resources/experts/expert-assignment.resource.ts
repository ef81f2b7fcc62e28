import { ExpertAssignment } from '../../db/models/experts/expert-assignment.model.js';
import type { ResourceDefinition } from '../resource-definition.js';

/** 专家评审记录: who evaluated which project, read-only; what the rule 专家重复 counts. */
export const expertAssignmentResource: ResourceDefinition = {
  id: 'ExpertAssignment',
  model: ExpertAssignment,
  builtInActions: ['list', 'show', 'search'],
  options: {
    properties: { expertId: { reference: 'Expert' }, projectId: { reference: 'ProcurementProject' } },
  },
};
