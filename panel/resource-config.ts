import { ConfigError } from '../settings/config-error.js';
import { parseConfigText, readConfigText } from '../settings/config-file.js';
import { z } from 'zod';
import { readsBusinessRecords, ROLES, type Role } from '../domain/jurisdiction.js';
import { BUILT_IN_ACTIONS, MENUS, type MenuKey, type ResourceDefinition } from '../resources/resource-definition.js';

const resourceSchema = z
  .object({
    label: z.string().min(1),
    menu: z.string(),
    listProperties: z.array(z.string()).optional(),
    showProperties: z.array(z.string()).optional(),
    editProperties: z.array(z.string()).optional(),
    filterProperties: z.array(z.string()).optional(),
    sort: z
      .object({ sortBy: z.string(), direction: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    actions: z.record(z.string(), z.array(z.string())),
  })
  .strict();

const fileSchema = z.object({ resources: z.record(z.string(), resourceSchema) }).strict();

export interface ResourceConfig {
  label: string;
  menu: MenuKey;
  listProperties?: string[];
  showProperties?: string[];
  editProperties?: string[];
  filterProperties?: string[];
  sort?: { sortBy: string; direction: 'asc' | 'desc' };
  /** Action name → roles allowed; an action not named here is allowed to nobody. */
  actions: Record<string, readonly Role[]>;
}

export function propertyNames(definition: ResourceDefinition): string[] {
  const attributes = Object.keys(definition.model.getAttributes());
  return [
    ...attributes,
    ...(definition.virtualProperties ?? []),
    ...(definition.related?.length ? ['related'] : []),
    ...(attributes.includes('dueDate') ? ['deadline'] : []),
  ];
}

export function actionNames(definition: ResourceDefinition): string[] {
  return [
    ...definition.builtInActions,
    ...Object.keys(definition.options?.actions ?? {}).filter((name) => !(BUILT_IN_ACTIONS as readonly string[]).includes(name)),
    ...(definition.builtInActions.includes('list') ? ['exportXlsx'] : []),
  ];
}

const list = (names: readonly string[]): string => names.join(', ');

/**
 * What `all` stands for: every role that reads procurement records. The security and the audit administrator are
 * named where they may act, never included by a word that an edit of the file could widen.
 */
export const ALL_READERS: readonly Role[] = ROLES.filter(readsBusinessRecords);

/**
 * Reads the admins' resource file and checks every name in it against the code: a typo must stop start-up with the
 * file, the place in it and the valid choices, rather than silently hide a column or open an action to everyone.
 */
export function parseResourceConfig(text: string, file: string, definitions: readonly ResourceDefinition[]): Map<string, ResourceConfig> {
  const parsed = { data: parseConfigText(text, file, fileSchema) };
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const result = new Map<string, ResourceConfig>();
  for (const [id, entry] of Object.entries(parsed.data.resources)) {
    const at = `${file}: resources.${id}`;
    const definition = byId.get(id);
    if (!definition) throw new ConfigError(`${at}: 未知资源 "${id}"，可用资源: ${list([...byId.keys()])}`);
    if (!(MENUS as readonly string[]).includes(entry.menu)) {
      throw new ConfigError(`${at}.menu: 未知菜单 "${entry.menu}"，可用菜单: ${list(MENUS)}`);
    }
    const properties = propertyNames(definition);
    for (const key of ['listProperties', 'showProperties', 'editProperties', 'filterProperties'] as const) {
      (entry[key] ?? []).forEach((name, index) => {
        if (!properties.includes(name)) throw new ConfigError(`${at}.${key}[${index}]: 未知字段 "${name}"，可用字段: ${list(properties)}`);
      });
    }
    if (entry.sort && !properties.includes(entry.sort.sortBy)) {
      throw new ConfigError(`${at}.sort.sortBy: 未知字段 "${entry.sort.sortBy}"，可用字段: ${list(properties)}`);
    }
    const actions = actionNames(definition);
    const allowed: Record<string, Role[]> = {};
    for (const [action, roles] of Object.entries(entry.actions)) {
      if (!actions.includes(action))
        throw new ConfigError(`${at}.actions.${action}: 未知操作 "${action}"，该资源可用操作: ${list(actions)}`);
      allowed[action] = [];
      roles.forEach((role, index) => {
        if (role === 'all') allowed[action]!.push(...ALL_READERS);
        else if ((ROLES as readonly string[]).includes(role)) allowed[action]!.push(role as Role);
        else throw new ConfigError(`${at}.actions.${action}[${index}]: 未知角色 "${role}"，可用角色: ${list([...ROLES, 'all'])}`);
      });
    }
    result.set(id, { ...entry, menu: entry.menu as MenuKey, actions: allowed });
  }
  const missing = definitions.filter((d) => !result.has(d.id)).map((d) => d.id);
  if (missing.length) throw new ConfigError(`${file}: resources: 缺少资源配置: ${list(missing)}`);
  return result;
}

export const DEFAULT_RESOURCE_CONFIG_FILE = new URL('../config/resources.yaml', import.meta.url);

export function loadResourceConfig(
  definitions: readonly ResourceDefinition[],
  file: string | URL = DEFAULT_RESOURCE_CONFIG_FILE,
): Map<string, ResourceConfig> {
  const name = file instanceof URL ? 'config/resources.yaml' : file;
  return parseResourceConfig(readConfigText(file, name), name, definitions);
}
