import AdminJS, { ForbiddenError, type ActionContext, type ActionRequest, type ResourceOptions } from 'adminjs';
import type { Role } from '../domain/jurisdiction.js';
import { withCrudAudit } from '../actions/crud-audit-hooks.js';
import { withWriteGuard } from '../actions/write-guard.js';
import { RESOURCE_DEFINITIONS } from '../resources/index.js';
import { sessionUserOf } from '../db/jurisdiction-scope.js';
import { BUILT_IN_ACTIONS, type MenuKey, type ResourceDefinition } from '../resources/resource-definition.js';
import { DECIDABLE_FILTER, JurisdictionResource } from './adapter/jurisdiction-resource.js';
import { decidableRuleOf } from './decidable-records.js';
import { componentLoader, Components } from './components/registry.js';
import { en } from './locale/en.js';
import { zhCN } from './locale/zh-CN.js';
import type { DashboardData } from './dashboard/dashboard-data.js';
import { withRecordHistory } from './record-history.js';
import { withRelatedRecords } from './related-records.js';
import { withDeadlineColumn } from './deadline-column.js';
import { EXPORT_ACTION, exportAction } from './export-action.js';
import { listWithCountAlongside } from './list-handler.js';
import { checkSearchRequest } from './adapter/read-request.js';
import { workbenchFilterKeys } from './dashboard/pending-work.js';
import type { ResourceConfig } from './resource-config.js';

export const PRODUCT_NAME = '江西省政府采购监管平台';
export const CN_FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

const MENU_ICONS: Record<MenuKey, string> = {
  entities: 'Users',
  integration: 'RefreshCw',
  'procurement.plan': 'Clipboard',
  'procurement.agreement': 'ShoppingCart',
  'procurement.preTrade': 'Flag',
  'procurement.announcements': 'FileText',
  'procurement.anomalies': 'AlertTriangle',
  'procurement.queries': 'Search',
  'procurement.filings': 'Archive',
  'procurement.payments': 'CreditCard',
  experts: 'Award',
  system: 'Settings',
};

function allowedTo(roles: readonly Role[] | undefined) {
  return ({ currentAdmin }: ActionContext): boolean => {
    const user = sessionUserOf({ currentAdmin });
    return !!user && !!roles?.includes(user.role);
  };
}

/** Code's resource definition + the admins' config → what AdminJS gets, with the shared guards on every resource. */
export function resourceOptions(
  definition: ResourceDefinition,
  config: ResourceConfig,
  linkedFilterKeys: ReadonlySet<string> = new Set(),
): ResourceOptions {
  const actions: Record<string, object> = { ...(definition.options?.actions ?? {}) };
  for (const name of BUILT_IN_ACTIONS) {
    actions[name] = definition.builtInActions.includes(name)
      ? { ...(actions[name] ?? {}), isAccessible: allowedTo(config.actions[name]) }
      : { isAccessible: false, isVisible: false };
  }
  for (const name of Object.keys(definition.options?.actions ?? {})) {
    if ((BUILT_IN_ACTIONS as readonly string[]).includes(name)) continue;
    actions[name] = { ...actions[name], isAccessible: allowedTo(config.actions[name]) };
  }
  if (definition.builtInActions.includes('list')) {
    actions.list = { handler: listWithCountAlongside(linkedFilterKeys), ...actions.list };
    // Whoever may read a list may take it away as a file, unless the config says otherwise.
    actions[EXPORT_ACTION] = {
      ...exportAction(linkedFilterKeys),
      isAccessible: allowedTo(config.actions[EXPORT_ACTION] ?? config.actions.list),
    };
  }
  if (definition.builtInActions.includes('search')) {
    const search = actions.search as { before?: unknown } | undefined;
    const checkSearch = async (request: ActionRequest, context: ActionContext): Promise<ActionRequest> => {
      checkSearchRequest(request.query, context.resource, linkedFilterKeys);
      return request;
    };
    actions.search = { ...search, before: [checkSearch, ...(search?.before ? [search.before].flat() : [])] };
  }
  // Where the decisions say what they decide, the list can be narrowed to 待我处理 (or to what the user only watches).
  const decidable = decidableRuleOf(definition) !== undefined;
  let options: ResourceOptions = {
    ...definition.options,
    ...(decidable && {
      properties: {
        ...definition.options?.properties,
        [DECIDABLE_FILTER]: { type: 'boolean', isSortable: false, isVisible: { list: false, show: false, edit: false, filter: true } },
      },
    }),
    id: definition.id,
    navigation: definition.hiddenFromMenu ? false : { name: `menu.${config.menu}`, icon: MENU_ICONS[config.menu] },
    ...(config.listProperties && { listProperties: config.listProperties }),
    ...(config.showProperties && { showProperties: config.showProperties }),
    ...(config.editProperties && { editProperties: config.editProperties }),
    ...(config.filterProperties && {
      filterProperties: decidable ? [DECIDABLE_FILTER, ...config.filterProperties] : config.filterProperties,
    }),
    ...(config.sort && { sort: config.sort }),
    actions: actions as ResourceOptions['actions'],
  };
  const jurisdiction = definition.model.jurisdiction;
  const regionField = jurisdiction.kind === 'region' || jurisdiction.kind === 'library' ? jurisdiction.field : null;
  options = withWriteGuard(regionField, options);
  options = withCrudAudit(definition.id, regionField, options);
  if (definition.related?.length) options = withRelatedRecords(definition.related, options);
  if ('dueDate' in definition.model.getAttributes()) options = withDeadlineColumn(options);
  if (definition.virtualProperties?.includes('history')) {
    options = withRecordHistory([definition.model.name, definition.id], options);
  }
  return withAccessCheckFirst(options, config);
}

/**
 * AdminJS runs `before` hooks ahead of its own isAccessible check; a user who may not use an action must be turned
 * away before any hook reads or validates what they sent, so the role check goes first.
 */
function withAccessCheckFirst(options: ResourceOptions, config: ResourceConfig): ResourceOptions {
  const actions = { ...(options.actions ?? {}) } as Record<string, { before?: unknown; isAccessible?: unknown }>;
  for (const [name, action] of Object.entries(actions)) {
    if (!action.before) continue;
    const allowed = allowedTo(config.actions[name]);
    const check = async (request: ActionRequest, context: ActionContext): Promise<ActionRequest> => {
      if (!allowed(context)) throw new ForbiddenError('您没有执行此操作的权限');
      return request;
    };
    const existing = Array.isArray(action.before) ? action.before : [action.before];
    actions[name] = { ...action, before: [check, ...existing] };
  }
  return { ...options, actions: actions as ResourceOptions['actions'] };
}

/** The filters the product itself opens lists with: related-records links and the workbench's cards. */
function linkedFilterKeys(): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (resourceId: string, key: string) => keys.set(resourceId, (keys.get(resourceId) ?? new Set()).add(key));
  for (const definition of RESOURCE_DEFINITIONS)
    for (const relation of definition.related ?? []) add(relation.resourceId, relation.foreignKey);
  for (const { resourceId, key } of workbenchFilterKeys()) add(resourceId, key);
  return keys;
}

export function buildAdmin(
  config: Map<string, ResourceConfig>,
  dashboard: (user: ReturnType<typeof sessionUserOf>) => Promise<DashboardData>,
): AdminJS {
  // The sidebar follows the order of config/resources.yaml, so admins arrange the menus there.
  const order = [...config.keys()];
  const definitions = [...RESOURCE_DEFINITIONS].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const linked = linkedFilterKeys();
  const resources = definitions.map((definition) => ({
    resource: new JurisdictionResource(
      definition.model,
      definition.viewWhere ? { id: definition.id, where: definition.viewWhere, refusal: definition.viewRefusal } : undefined,
      { decidable: decidableRuleOf(definition), rowFacts: definition.rowFacts },
    ),
    options: resourceOptions(definition, config.get(definition.id)!, linked.get(definition.id)),
  }));
  const resourceLabels = Object.fromEntries(RESOURCE_DEFINITIONS.map((d) => [d.id, config.get(d.id)!.label]));
  return new AdminJS({
    rootPath: '/admin',
    loginPath: '/admin/login',
    logoutPath: '/admin/logout',
    resources,
    componentLoader,
    dashboard: {
      component: Components.Dashboard,
      handler: async (_request, _response, context) => dashboard(sessionUserOf(context)),
    },
    branding: {
      companyName: PRODUCT_NAME,
      logo: '/static/logo.svg',
      favicon: '/static/logo.svg',
      withMadeWithLove: false,
      theme: { font: CN_FONT_STACK } as never,
    },
    assets: { styles: ['/static/panel.css'] },
    version: { admin: false },
    locale: {
      language: 'zh-CN',
      availableLanguages: ['zh-CN', 'en'],
      localeDetection: false,
      translations: {
        'zh-CN': { ...zhCN, labels: { ...zhCN.labels, ...resourceLabels } },
        en,
      },
    },
  });
}
