import { AuditLog } from '../../db/models/system/audit-log.model.js';
import type { ResourceDefinition } from '../resource-definition.js';

export const auditLogResource: ResourceDefinition = {
  id: 'AuditLog',
  model: AuditLog,
  builtInActions: ['list', 'show', 'search'],
  options: {
    properties: {
      changes: { type: 'textarea' },
      reason: { type: 'textarea' },
    },
  },
};
