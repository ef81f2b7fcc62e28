import {
  buildFeature,
  type Action,
  type ActionContext,
  type ActionResponse,
  type FeatureType,
  type ListActionResponse,
  type PropertyOptions,
} from 'adminjs';
import type { AnyRecordDeclaration, CodeOf, FieldSpec } from '../db/record/field-types.js';
import { ROLE_NAMES } from '../domain/user-rules.js';
import {
  officeNames,
  officesSeenBy,
  SYSTEM_ACTOR,
  SYSTEM_ACTOR_NAME,
  UNKNOWN_ACCOUNT_ROLE,
  UNKNOWN_ACCOUNT_ROLE_NAME,
  type OfficeOption,
} from '../services/office-names.js';
import { sessionUserOf } from '../db/jurisdiction-scope.js';
import { Components } from './components/registry.js';
import { RESOURCE_DEFINITIONS } from '../resources/index.js';
import { zhCN } from './locale/zh-CN.js';

/**
 * The words of the codes a record keeps in plain text columns (issue #26: no English, no raw codes): a role key, an
 * action name, a record type. Each is offered as the property's `availableValues` and named in the locale's `labels`,
 * as AdminJS names an enum's values, so lists, record pages, filters and exports all read the same words.
 */
type Vocabulary = Exclude<CodeOf, 'user'>;

// AdminJS's own zh-CN words for its built-in actions (the history of a record says the same).
const BUILT_IN_ACTION_WORDS = { new: '创建', edit: '编辑', delete: '删除' };

function actionWords(): Record<string, string> {
  return { ...BUILT_IN_ACTION_WORDS, ...zhCN.actions };
}

/**
 * What the audit trail records actions on besides the panel's records: the queue board's queues (http/queue-board.ts),
 * the configuration files and the security settings (services/configuration-audit.ts); and what a red flag may be
 * about without a page of its own: a supplier, known by its credit code (陪标专业户).
 */
const OTHER_RECORD_TYPES: Readonly<Record<string, string>> = {
  JobQueue: '任务队列',
  Configuration: '配置文件',
  SecurityPolicy: '安全策略',
  Supplier: '供应商',
};

/** A record type is a resource id or, for rows written by model, the model's name: each named as its menu entry. */
function recordTypeWords(resourceLabels: Readonly<Record<string, string>>): Record<string, string> {
  const words: Record<string, string> = { ...OTHER_RECORD_TYPES };
  for (const definition of RESOURCE_DEFINITIONS) {
    const label = resourceLabels[definition.id];
    if (!label) continue;
    words[definition.id] = label;
    words[definition.model.name] ??= resourceLabels[definition.model.name] ?? label;
  }
  return words;
}

function vocabulary(kind: Vocabulary, resourceLabels: Readonly<Record<string, string>>): Record<string, string> {
  if (kind === 'role') return { ...ROLE_NAMES, [SYSTEM_ACTOR]: SYSTEM_ACTOR_NAME, [UNKNOWN_ACCOUNT_ROLE]: UNKNOWN_ACCOUNT_ROLE_NAME };
  if (kind === 'action') return actionWords();
  return recordTypeWords(resourceLabels);
}

const fieldsOf = (declaration: AnyRecordDeclaration | undefined) =>
  Object.entries((declaration?.fields ?? {}) as Record<string, FieldSpec>);

/** Choices kept in a string column (the adapter sees plain text) and coded fields get their values offered. */
export function codeWordProperties(declaration: AnyRecordDeclaration | undefined): Record<string, PropertyOptions> {
  const properties: Record<string, PropertyOptions> = {};
  for (const [name, spec] of fieldsOf(declaration)) {
    const values =
      spec.kind === 'choice' && spec.length !== undefined
        ? spec.values
        : spec.codeOf && spec.codeOf !== 'user'
          ? Object.keys(vocabulary(spec.codeOf, recordTypeKeys()))
          : undefined;
    if (values) properties[name] = { availableValues: values.map((value) => ({ value, label: value })) };
  }
  return properties;
}

/** Every resource id and model name, named by themselves: which values a record type can take, words aside. */
const recordTypeKeys = (): Record<string, string> =>
  Object.fromEntries(
    [...Object.keys(OTHER_RECORD_TYPES), ...RESOURCE_DEFINITIONS.flatMap((d) => [d.id, d.model.name])].map((key) => [key, key]),
  );

/** The locale `labels` of a record's coded fields: what `codeWordProperties` offers, in Chinese. */
export function codeWordLabels(
  declaration: AnyRecordDeclaration | undefined,
  resourceLabels: Readonly<Record<string, string>>,
): Record<string, Record<string, string>> {
  const labels: Record<string, Record<string, string>> = {};
  for (const [name, spec] of fieldsOf(declaration))
    if (spec.codeOf && spec.codeOf !== 'user') labels[name] = vocabulary(spec.codeOf, resourceLabels);
  return labels;
}

export const userFieldsOf = (declaration: AnyRecordDeclaration | undefined): string[] =>
  fieldsOf(declaration)
    .filter(([, spec]) => spec.codeOf === 'user')
    .map(([name]) => name);

/** Rows' login names replaced by the offices they belong to, in one read for all the rows. */
export async function showOffices(rows: Array<Record<string, unknown>>, fields: readonly string[]): Promise<void> {
  if (!fields.length || !rows.length) return;
  const names = await officeNames(rows.flatMap((row) => fields.map((field) => row[field])));
  for (const row of rows)
    for (const field of fields) {
      const name = names.get(row[field] as string);
      if (name) row[field] = name;
    }
}

/**
 * A person (a reviewer, who acted, who resolved) is shown by office in lists and on record pages. Only the shown value
 * changes: the column keeps the login, and these fields are never edited in a form.
 */
export function officeNamesFeature(declaration: AnyRecordDeclaration | undefined): FeatureType[] {
  const fields = userFieldsOf(declaration);
  if (!fields.length) return [];
  const onList = async (response: ActionResponse): Promise<ActionResponse> => {
    await showOffices(
      ((response as ListActionResponse).records ?? []).map((r) => r.params),
      fields,
    );
    return response;
  };
  const onShow = async (response: ActionResponse): Promise<ActionResponse> => {
    if (response.record) await showOffices([response.record.params], fields);
    return response;
  };
  // A supervisor filters by the office (南昌市采购办), never by a login: the filter offers the offices the viewer may
  // see (OFFICE_OPTIONS_ACTION) and the adapter matches the chosen login exactly.
  const filters = Object.fromEntries(fields.map((field) => [field, { components: { filter: Components.OfficeFilter } }]));
  return [buildFeature({ properties: filters, actions: { list: { after: [onList] }, show: { after: [onShow] } } })];
}

/** Kept in step with components/office-filter.tsx (the bundle cannot import server code). */
export const OFFICE_OPTIONS_ACTION = 'officeOptions';

/** The offices a list's person filters offer the signed-in user, within what their jurisdiction lets them see. */
export function officeOptionsAction(): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    // An API for the filter's drop-down, not a button of the list's header.
    isVisible: false,
    handler: async (_request: unknown, _response: unknown, context: ActionContext): Promise<{ options: OfficeOption[] }> => {
      const user = sessionUserOf(context);
      return { options: user ? await officesSeenBy(user) : [] };
    },
  };
}
