import { randomUUID } from 'node:crypto';
import { type Action, type ActionContext, type ActionRequest, type ActionResponse } from 'adminjs';
import { recordAudit } from '../services/audit.js';
import { dispatch } from '../queue/job-dispatch.js';
import { exportJob } from '../queue/queued-job.js';
import { sessionUserOf } from '../db/jurisdiction-scope.js';
import { DataExport } from '../db/models/system/data-export.model.js';
import { Components } from './components/registry.js';
import { checkReadRequest } from './adapter/read-request.js';
import { indexedPersonalFilters } from './adapter/filter-to-where.js';
import { JurisdictionResource } from './adapter/jurisdiction-resource.js';

export const EXPORT_ACTION = 'exportXlsx';
const KEEP_MS = 24 * 3600_000;

/**
 * 导出Excel on every list: the drawer opens over the list with its query string, so the export takes exactly the
 * list's filters and sort; the file is written by a job and only its owner may fetch it.
 */
export function exportAction(linkedFilterKeys: ReadonlySet<string> = new Set()): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'Download',
    showInDrawer: true,
    component: Components.ExportXlsx,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      if (request.method !== 'post') return {};
      const user = sessionUserOf(context)!;
      const query = Object.fromEntries(new URLSearchParams(String(request.payload?.query ?? '').replace(/^\?/, '')));
      // The same checks as the list it was opened over: only its filters and sortable columns.
      const checked = checkReadRequest(query, context.resource, linkedFilterKeys);
      const { sortBy, direction } = checked;
      // A phone searched for is kept as its index: the export's row and its audit entry never hold the number.
      const declaration = context.resource instanceof JurisdictionResource ? context.resource.declaration : undefined;
      const filters = indexedPersonalFilters(checked.filters, declaration);
      const properties = context.resource
        .decorate()
        .getProperties({ where: 'list' })
        .map((p) => p.propertyPath);
      const id = randomUUID();
      await DataExport.create({
        id,
        userId: user.id,
        username: user.username,
        userRole: user.role,
        userRegion: user.regionCode,
        resourceId: context.resource.id(),
        filters: JSON.stringify(filters),
        sortBy: sortBy && properties.includes(sortBy) ? sortBy : null,
        direction: direction === 'desc' || direction === 'asc' ? direction : null,
        state: 'queued',
        expiresAt: new Date(Date.now() + KEEP_MS),
      });
      await recordAudit({
        user,
        action: EXPORT_ACTION,
        resourceId: context.resource.id(),
        recordId: id,
        regionCode: user.regionCode,
        changes: { filters: { before: null, after: JSON.stringify(filters) } },
      });
      await dispatch(exportJob(id));
      return { exportId: id, statusUrl: `/admin/exports/${id}` };
    },
  };
}
