import { AuditLog } from '../../db/models/system/audit-log.model.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { Components } from '../../panel/components/registry.js';

export const auditLogResource: ResourceDefinition = {
  id: 'AuditLog',
  model: AuditLog,
  builtInActions: ['list', 'show', 'search'],
  options: {
    properties: {
      // In the words of the record acted on, as its history shows them.
      changes: { type: 'textarea', components: { list: Components.AuditChanges, show: Components.AuditChanges } },
      reason: { type: 'textarea' },
    },
  },
};
