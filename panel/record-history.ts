import { buildFeature, type ActionContext, type ActionRequest, type ActionResponse, type FeatureType } from 'adminjs';
import { Op } from 'sequelize';
import { AuditLog } from '../db/models.js';
import { Components } from './components/registry.js';

/** Lists a record's own audit entries on its show page, newest first, as Django admin's History does. */
export function recordHistoryFeature(auditResourceIds: readonly string[]): FeatureType {
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
  return buildFeature({
    properties: {
      history: { isVisible: { list: false, filter: false, edit: false, show: true }, components: { show: Components.RecordHistory } },
    },
    actions: { show: { after: [after] } },
  });
}
