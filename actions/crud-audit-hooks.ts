import { buildFeature, type ActionContext, type ActionRequest, type ActionResponse, type FeatureType } from 'adminjs';
import { sessionUserOf, type SessionUser } from '../db/jurisdiction-scope.js';
import { diffParams, recordAudit, type FieldChanges } from '../services/audit.js';

type Hook = (response: ActionResponse, request: ActionRequest, context: ActionContext) => Promise<ActionResponse>;

/**
 * How a resource's edit reads in the audit trail, when one edit can mean several things (an account's new role and
 * its new password are two events the audit administrator looks for apart): one row per action with its changes.
 */
export type EditAudits = (
  changes: FieldChanges,
  request: ActionRequest,
  context: ActionContext,
) => ReadonlyArray<{ action: string; changes: FieldChanges }>;

const asOneEdit: EditAudits = (changes) => [{ action: 'edit', changes }];

const snapshotKey = Symbol('auditSnapshot');

/**
 * Adds audit entries to the built-in writes of a resource (new, edit, delete, bulk delete), so that no resource can
 * forget them. Custom actions audit themselves inside their own transaction (see supervisory-action.ts).
 */
export function crudAuditFeature(resourceId: string, regionField: string | null, editAudits: EditAudits = asOneEdit): FeatureType {
  const regionOf = (params: Record<string, unknown> | undefined): string | null =>
    regionField && params ? ((params[regionField] as string | undefined) ?? null) : null;
  const userOf = (context: ActionContext): SessionUser | null => sessionUserOf(context) ?? null;
  const succeeded = (response: ActionResponse): boolean =>
    response.notice?.type !== 'error' && !response.record?.errors?.length && Object.keys(response.record?.errors ?? {}).length === 0;

  const snapshot = async (request: ActionRequest, context: ActionContext): Promise<ActionRequest> => {
    if (request.method === 'post' && context.record) (context as Record<symbol, unknown>)[snapshotKey] = { ...context.record.params };
    return request;
  };
  const auditEdit: Hook = async (response, request, context) => {
    const before = (context as Record<symbol, unknown>)[snapshotKey] as Record<string, unknown> | undefined;
    if (request.method === 'post' && before && succeeded(response)) {
      const after = response.record?.params ?? {};
      for (const { action, changes } of editAudits(diffParams(before, after), request, context))
        await recordAudit({
          user: userOf(context),
          action,
          resourceId,
          recordId: response.record?.id,
          regionCode: regionOf(after) ?? regionOf(before),
          changes,
        });
    }
    return response;
  };
  const auditNew: Hook = async (response, request, context) => {
    if (request.method === 'post' && succeeded(response) && response.record?.id) {
      const after = response.record.params ?? {};
      await recordAudit({
        user: userOf(context),
        action: 'new',
        resourceId,
        recordId: response.record.id,
        regionCode: regionOf(after),
        changes: diffParams({}, after),
      });
    }
    return response;
  };
  const auditDelete: Hook = async (response, request, context) => {
    if (request.method === 'post' && response.notice?.type === 'success') {
      const records = context.records ?? (context.record ? [context.record] : []);
      for (const record of records) {
        await recordAudit({
          user: userOf(context),
          action: 'delete',
          resourceId,
          recordId: record.id(),
          regionCode: regionOf(record.params),
          changes: diffParams(record.params, {}),
        });
      }
    }
    return response;
  };

  return buildFeature({
    actions: {
      edit: { before: [snapshot], after: [auditEdit] },
      new: { after: [auditNew] },
      delete: { after: [auditDelete] },
      bulkDelete: { after: [auditDelete] },
    },
  });
}
