import AdminJS, {
  buildFeature,
  ForbiddenError,
  type ActionContext,
  type ActionRequest,
  type Before,
  type FeatureType,
  type ResourceOptions,
} from 'adminjs';
import type { Role } from '../domain/jurisdiction.js';
import { crudAuditFeature } from '../actions/crud-audit-hooks.js';
import { writeGuardFeature } from '../actions/write-guard.js';
import { RESOURCE_DEFINITIONS } from '../resources/index.js';
import { sessionUserOf } from '../db/jurisdiction-scope.js';
import { BUILT_IN_ACTIONS, type MenuKey, type ResourceDefinition } from '../resources/resource-definition.js';
import { CHOOSABLE_FILTER, DECIDABLE_FILTER, JurisdictionResource } from './adapter/jurisdiction-resource.js';
import { decidableRuleOf } from './decidable-records.js';
import { componentLoader, Components } from './components/registry.js';
import { en } from './locale/en.js';
import { LIST_EXACT_COUNT_DEFAULT } from '../settings/env.js';
import { zhCN } from './locale/zh-CN.js';
import type { DashboardData } from './dashboard/dashboard-data.js';
import { recordHistoryFeature } from './record-history.js';
import { relatedRecordsFeature } from './related-records.js';
import { deadlineColumnFeature } from './deadline-column.js';
import { stateBadgeFeature } from './state-badges.js';
import { recordSectionsFeature } from './record-sections.js';
import { personalDataProperties } from './personal-data-properties.js';
import { textLimitProperties, wholeFormFeature } from './text-limits.js';
import {
  codeWordLabels,
  codeWordProperties,
  OFFICE_OPTIONS_ACTION,
  officeNamesFeature,
  officeOptionsAction,
  userFieldsOf,
} from './code-words.js';
import { EXPORT_ACTION, exportAction } from './export-action.js';
import { listWithCountAlongside } from './list-handler.js';
import { STATE_COUNTS_ACTION, stateCountsAction, stateFilterField } from './state-filters.js';
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
  risk: 'AlertOctagon',
  system: 'Settings',
};

function allowedTo(roles: readonly Role[] | undefined) {
  return ({ currentAdmin }: ActionContext): boolean => {
    const user = sessionUserOf({ currentAdmin });
    return !!user && !!roles?.includes(user.role);
  };
}

/**
 * Code's resource definition + the admins' config → what AdminJS gets, with the shared guards on every resource.
 *
 * AdminJS folds a resource's features in array order and chains each one's hooks after those of the features before
 * it (build-feature.js, mergeResourceOptions), so the order of this list is the order the hooks run in: the guards
 * ahead of anything the resource does, the audit and the show page's additions after it. The resource's own options
 * are one of these features rather than AdminJS's `options`, which it would merge after every feature.
 */
/** How lists count: exactly up to this many rows (LIST_EXACT_COUNT_LIMIT), past it an estimate (list-total.ts). */
export interface ListOptions {
  exactCountLimit: number;
}

export const DEFAULT_LIST_OPTIONS: ListOptions = { exactCountLimit: LIST_EXACT_COUNT_DEFAULT };

export function resourceFeatures(
  definition: ResourceDefinition,
  config: ResourceConfig,
  linkedFilterKeys: ReadonlySet<string> = new Set(),
  { exactCountLimit }: ListOptions = DEFAULT_LIST_OPTIONS,
): FeatureType[] {
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
    // The list's quick state filters learn their field from the list action, and count with the list's rights.
    const stateField = stateFilterField(definition.model.declaration, config);
    actions.list = {
      handler: listWithCountAlongside(linkedFilterKeys, exactCountLimit),
      ...actions.list,
      ...(stateField && { custom: { ...(actions.list as { custom?: object } | undefined)?.custom, stateFilter: stateField } }),
    };
    if (stateField)
      actions[STATE_COUNTS_ACTION] = {
        ...stateCountsAction(stateField, linkedFilterKeys, exactCountLimit),
        isAccessible: allowedTo(config.actions.list),
      };
    if (userFieldsOf(definition.model.declaration).length)
      actions[OFFICE_OPTIONS_ACTION] = { ...officeOptionsAction(), isAccessible: allowedTo(config.actions.list) };
    // Whoever may read a list may take it away as a file, unless the config says otherwise.
    actions[EXPORT_ACTION] = {
      ...exportAction(linkedFilterKeys),
      isAccessible: allowedTo(config.actions[EXPORT_ACTION] ?? config.actions.list),
    };
  }
  // Where the decisions say what they decide, the list can be narrowed to 待我处理 (or to what the user only watches).
  const decidable = decidableRuleOf(definition) !== undefined;
  const options: ResourceOptions = {
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
  return accessCheckFirst(config, [
    // Every declared text's length is checked on create and edit, and refused together with the resource's own checks.
    wholeFormFeature(definition.model.declaration, [
      writeGuardFeature(regionField),
      ...(definition.builtInActions.includes('search') ? [searchCheckFeature(linkedFilterKeys)] : []),
      buildFeature(options),
      ...(definition.features ?? []),
      crudAuditFeature(definition.id, regionField, definition.editAudits),
      ...(definition.related?.length ? [relatedRecordsFeature(definition.related)] : []),
      ...('dueDate' in definition.model.getAttributes() ? [deadlineColumnFeature()] : []),
      ...stateBadgeFeature(definition.model.declaration),
      buildFeature({
        properties: { ...textLimitProperties(definition.model.declaration), ...codeWordProperties(definition.model.declaration) },
      }),
      buildFeature({ properties: personalDataProperties(definition.model.declaration) }),
      ...officeNamesFeature(definition.model.declaration),
      ...(definition.virtualProperties?.includes('history')
        ? [recordHistoryFeature([definition.model.name, definition.id], definition.model.declaration)]
        : []),
      recordSectionsFeature(definition.model.declaration, {
        related: !!definition.related?.length,
        history: !!definition.virtualProperties?.includes('history'),
        deadline: 'dueDate' in definition.model.getAttributes(),
      }),
      // A resource that sets one of the properties the features add has the last word over their defaults.
      ...(options.properties ? [buildFeature({ properties: options.properties })] : []),
    ]),
  ]);
}

/**
 * The search drop-downs' query is checked as a list's is (the title only, known filters) before the adapter reads it;
 * a form's drop-down may also ask for what may be chosen (`choosable`).
 */
function searchCheckFeature(linkedFilterKeys: ReadonlySet<string>): FeatureType {
  const allowed = new Set([...linkedFilterKeys, CHOOSABLE_FILTER]);
  const checkSearch = async (request: ActionRequest, context: ActionContext): Promise<ActionRequest> => {
    checkSearchRequest(request.query, context.resource, allowed);
    return request;
  };
  return buildFeature({ actions: { search: { before: [checkSearch] } } });
}

/**
 * AdminJS runs `before` hooks ahead of its own isAccessible check; a user who may not use an action must be turned
 * away before any hook reads or validates what they sent, so the role check goes first: at the head of the features,
 * on every action that the features after it give a `before` hook (the others keep AdminJS's own check).
 */
function accessCheckFirst(config: ResourceConfig, features: FeatureType[]): FeatureType[] {
  const accessCheck = buildFeature((admin) => {
    const later = features.reduce<ResourceOptions>((options, feature) => feature(admin, options), {});
    const actions: Record<string, { before?: Before[] }> = {};
    for (const [name, action] of Object.entries<{ before?: unknown }>(later.actions ?? {})) {
      const allowed = allowedTo(config.actions[name]);
      const check = async (request: ActionRequest, context: ActionContext): Promise<ActionRequest> => {
        if (!allowed(context)) throw new ForbiddenError('您没有执行此操作的权限');
        return request;
      };
      // Every action gets its entry here, so the custom actions keep the order the resource gives them.
      actions[name] = action.before ? { before: [check] } : {};
    }
    return { actions };
  });
  return [accessCheck, ...features];
}

/** The filters the product itself opens lists with: related-records links and the workbench's cards. */
function linkedFilterKeys(): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (resourceId: string, key: string) => keys.set(resourceId, (keys.get(resourceId) ?? new Set()).add(key));
  for (const definition of RESOURCE_DEFINITIONS)
    for (const relation of definition.related ?? []) {
      add(relation.resourceId, relation.foreignKey);
      for (const name of Object.keys(relation.where ?? {})) add(relation.resourceId, name);
    }
  for (const { resourceId, key } of workbenchFilterKeys()) add(resourceId, key);
  return keys;
}

type ResourceLocale = { properties?: Record<string, string>; labels?: Record<string, Record<string, string>> };

/** Each resource's translations with the words of its coded fields (roles, actions, record types by their names). */
export function withCodeWords(
  resources: Readonly<Record<string, ResourceLocale>>,
  resourceLabels: Readonly<Record<string, string>>,
): Record<string, ResourceLocale> {
  const result: Record<string, ResourceLocale> = { ...resources };
  for (const definition of RESOURCE_DEFINITIONS) {
    const words = codeWordLabels(definition.model.declaration, resourceLabels);
    if (!Object.keys(words).length) continue;
    const own = resources[definition.id] ?? {};
    result[definition.id] = { ...own, labels: { ...own.labels, ...words } };
  }
  return result;
}

export function buildAdmin(
  config: Map<string, ResourceConfig>,
  dashboard: (user: ReturnType<typeof sessionUserOf>) => Promise<DashboardData>,
  listOptions: ListOptions = DEFAULT_LIST_OPTIONS,
): AdminJS {
  // The sidebar follows the order of config/resources.yaml, so admins arrange the menus there.
  const order = [...config.keys()];
  const definitions = [...RESOURCE_DEFINITIONS].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const linked = linkedFilterKeys();
  const resources = definitions.map((definition) => ({
    resource: new JurisdictionResource(
      definition.model,
      definition.viewWhere ? { id: definition.id, where: definition.viewWhere, refusal: definition.viewRefusal } : undefined,
      {
        decidable: decidableRuleOf(definition),
        rowFacts: definition.rowFacts,
        choosable: definition.choosable,
        titlesInMemory: definition.titlesInMemory,
      },
    ),
    features: resourceFeatures(definition, config.get(definition.id)!, linked.get(definition.id), listOptions),
  }));
  const resourceLabels = Object.fromEntries(RESOURCE_DEFINITIONS.map((d) => [d.id, config.get(d.id)!.label]));
  const resourceTranslations = withCodeWords(zhCN.resources, resourceLabels);
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
        'zh-CN': { ...zhCN, labels: { ...zhCN.labels, ...resourceLabels }, resources: resourceTranslations },
        en,
      },
    },
  });
}
