import { buildFeature, type ActionContext, type ActionRequest, type ActionResponse, type FeatureType } from 'adminjs';
import { Op } from 'sequelize';
import { AuditLog } from '../db/models.js';
import type { AnyRecordDeclaration } from '../db/record/field-types.js';
import { officeNames, regionLabel } from '../services/office-names.js';
import { userFieldsOf } from './code-words.js';
import { Components } from './components/registry.js';

type Changes = Record<string, { before: unknown; after: unknown }> | null;

/**
 * Lists a record's own audit entries on its show page, newest first, as Django admin's History does. Whoever acted,
 * and a person a change names (a reviewer), is shown by office, as the record's own fields are.
 */
export function recordHistoryFeature(auditResourceIds: readonly string[], declaration?: AnyRecordDeclaration): FeatureType {
  const userFields = userFieldsOf(declaration);
  // A region a change names (a case transferred to the office above) reads by its name, as the record's own field does.
  const regionFields = Object.entries(declaration?.fields ?? {})
    .filter(([, spec]) => spec.references?.table === 'regions')
    .map(([name]) => name);
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
    const entries = rows.map((r) => ({
      at: r.createdAt,
      user: r.actorUsername,
      role: r.actorRole,
      action: r.action,
      reason: r.reason,
      changes: (r.changes ? JSON.parse(r.changes) : null) as Changes,
    }));
    const people = entries.flatMap((e) => [
      e.user,
      ...userFields.flatMap((field) => (e.changes?.[field] ? [e.changes[field].before, e.changes[field].after] : [])),
    ]);
    const offices = await officeNames(people);
    const office = (value: unknown) => (typeof value === 'string' ? (offices.get(value) ?? value) : value);
    for (const entry of entries) {
      entry.user = office(entry.user) as string;
      for (const field of userFields) {
        const change = entry.changes?.[field];
        if (change) entry.changes![field] = { before: office(change.before), after: office(change.after) };
      }
      for (const field of regionFields) {
        const change = entry.changes?.[field];
        const region = (value: unknown) => (typeof value === 'string' && value ? regionLabel(value) : value);
        if (change) entry.changes![field] = { before: region(change.before), after: region(change.after) };
      }
    }
    response.record.params.history = JSON.stringify(entries);
    return response;
  };
  return buildFeature({
    properties: {
      history: { isVisible: { list: false, filter: false, edit: false, show: true }, components: { show: Components.RecordHistory } },
    },
    actions: { show: { after: [after] } },
  });
}
