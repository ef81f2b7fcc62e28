import type { ActionContext, ActionRequest, ActionResponse, ResourceOptions } from 'adminjs';
import { Op } from 'sequelize';
import { AuditLog } from '../db/models.js';
import { Components } from './components/registry.js';

/** Lists a record's own audit entries on its show page, newest first, as Django admin's History does. */
export function withRecordHistory(auditResourceIds: readonly string[], options: ResourceOptions): ResourceOptions {
  const show = options.actions?.show ?? {};
  const existing = show.after ? (Array.isArray(show.after) ? show.after : [show.after]) : [];
  const after = async (response: ActionResponse, _request: ActionRequest, context: ActionContext): Promise<ActionResponse> => {
    const recordId = context.record?.id();
    if (!recordId || !response.record) return response;
    const rows = await AuditLog.findAll({
      where: { resourceId: { [Op.in]: [...auditResourceIds] }, recordId: String(recordId) },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: 200,
    });
    response.record.params.history = JSON.stringify(
      rows.map((r) => ({
        at: r.createdAt,
        user: r.actorUsername,
        role: r.actorRole,
        action: r.action,
        reason: r.reason,
        changes: r.changes ? JSON.parse(r.changes) : null,
      })),
    );
    return response;
  };
  return {
    ...options,
    properties: {
      ...options.properties,
      history: {
        isVisible: { list: false, filter: false, edit: false, show: true },
        components: { show: Components.RecordHistory },
        ...options.properties?.history,
      },
    },
    actions: { ...options.actions, show: { ...show, after: [...existing, after] } } as ResourceOptions['actions'],
  };
}
