import type { ActionContext, ActionRequest, ActionResponse, ResourceOptions } from 'adminjs';
import { sessionUserOf, type SessionUser } from '../db/jurisdiction-scope.js';
import { diffParams, recordAudit } from '../services/audit.js';

type Hook = (response: ActionResponse, request: ActionRequest, context: ActionContext) => Promise<ActionResponse>;
type BeforeHook = (request: ActionRequest, context: ActionContext) => Promise<ActionRequest>;

function chain<T extends Hook | BeforeHook>(existing: T | T[] | undefined, added: T): T[] {
  return [...(Array.isArray(existing) ? existing : existing ? [existing] : []), added];
}

const snapshotKey = Symbol('auditSnapshot');

/**
 * Adds audit entries to the built-in writes of a resource (new, edit, delete, bulk delete), so that no resource can
 * forget them. Custom actions audit themselves inside their own transaction (see supervisory-action.ts).
 */
export function withCrudAudit(resourceId: string, regionField: string | null, options: ResourceOptions): ResourceOptions {
  const actions = { ...(options.actions ?? {}) };
  const regionOf = (params: Record<string, unknown> | undefined): string | null =>
    regionField && params ? ((params[regionField] as string | undefined) ?? null) : null;
  const userOf = (context: ActionContext): SessionUser | null => sessionUserOf(context) ?? null;
  const succeeded = (response: ActionResponse): boolean =>
    response.notice?.type !== 'error' && !response.record?.errors?.length && Object.keys(response.record?.errors ?? {}).length === 0;

  const edit = actions.edit ?? {};
  actions.edit = {
    ...edit,
    before: chain<BeforeHook>(edit.before as BeforeHook | BeforeHook[] | undefined, async (request, context) => {
      if (request.method === 'post' && context.record) (context as Record<symbol, unknown>)[snapshotKey] = { ...context.record.params };
      return request;
    }),
    after: chain<Hook>(edit.after as Hook | Hook[] | undefined, async (response, request, context) => {
      const before = (context as Record<symbol, unknown>)[snapshotKey] as Record<string, unknown> | undefined;
      if (request.method === 'post' && before && succeeded(response)) {
        const after = response.record?.params ?? {};
        await recordAudit({
          user: userOf(context),
          action: 'edit',
          resourceId,
          recordId: response.record?.id,
          regionCode: regionOf(after) ?? regionOf(before),
          changes: diffParams(before, after),
        });
      }
      return response;
    }),
  };

  const create = actions.new ?? {};
  actions.new = {
    ...create,
    after: chain<Hook>(create.after as Hook | Hook[] | undefined, async (response, request, context) => {
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
    }),
  };

  for (const name of ['delete', 'bulkDelete'] as const) {
    const action = actions[name] ?? {};
    actions[name] = {
      ...action,
      after: chain<Hook>(action.after as Hook | Hook[] | undefined, async (response, request, context) => {
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
      }),
    };
  }
  return { ...options, actions };
}
