import type { FeatureType, ResourceOptions } from 'adminjs';
import type { Model, ModelStatic, WhereOptions } from 'sequelize';
import type { JurisdictionKind } from '../db/jurisdiction-kind.js';
import type { AnyRecordDeclaration } from '../db/record/field-types.js';
import type { EditAudits } from '../actions/crud-audit-hooks.js';

export const BUILT_IN_ACTIONS = ['list', 'show', 'search', 'new', 'edit', 'delete', 'bulkDelete'] as const;
export type BuiltInAction = (typeof BUILT_IN_ACTIONS)[number];

export const MENUS = [
  'entities',
  'integration',
  'procurement.plan',
  'procurement.agreement',
  'procurement.preTrade',
  'procurement.announcements',
  'procurement.anomalies',
  'procurement.queries',
  'procurement.filings',
  'procurement.payments',
  'experts',
  'risk',
  'system',
] as const;
export type MenuKey = (typeof MENUS)[number];

/**
 * What code decides about a resource: its model, which built-in actions exist at all (a read-only view never gets
 * `new`, whatever the config says), its custom actions and property widgets. Labels, menus, columns, sort and who may
 * use which action come from config/resources.yaml.
 */
export interface ResourceDefinition {
  id: string;
  model: ModelStatic<Model> & { jurisdiction: JurisdictionKind; declaration?: AnyRecordDeclaration };
  /** A view: the same model narrowed by a fixed condition (e.g. only formal members). */
  viewWhere?: WhereOptions;
  /** Said in a form when a record the user can see is chosen here but lies outside the view. */
  viewRefusal?: string;
  /** Reached from other records' pages only (e.g. a project's budget lines), not from the sidebar. */
  hiddenFromMenu?: boolean;
  builtInActions: readonly BuiltInAction[];
  /** Properties that exist only in the panel (computed or write-only), besides the model's attributes. */
  virtualProperties?: readonly string[];
  /** Records of other resources listed on this record's show page (a unit's budgets, a filing's pushes …). */
  related?: readonly RelatedRecords[];
  /** A view whose records another resource's decisions decide (a unit in 预算编码核对 is approved as a unit there). */
  decisionsOf?: string;
  /**
   * Facts from other tables that a decision's rule needs (a budget line's pushed filings …), added to each read row's
   * values so the panel offers a button only where the rule lets it through (`rowRefusal` of the decision).
   */
  rowFacts?: (rows: Array<Record<string, unknown>>) => Promise<void>;
  /**
   * What of this resource another record's form may choose in its drop-down (leaf categories, suppliers valid today), as
   * SQL within the user's jurisdiction; the search answers with it when asked `filters.choosable=true`. The form's own
   * check on the server still decides; this keeps the drop-down from offering what it would refuse.
   */
  choosable?: () => WhereOptions;
  /**
   * Reference data every user sees and the process holds in memory (the region tree): the titles a list's reference
   * column shows are read from it instead of the database. Null while it is not loaded (the database answers then).
   */
  titlesInMemory?: (keys: ReadonlyArray<string | number>) => Array<Record<string, unknown>> | null;
  options?: Omit<
    ResourceOptions,
    'id' | 'navigation' | 'listProperties' | 'showProperties' | 'editProperties' | 'filterProperties' | 'sort'
  >;
  /** Built with AdminJS's `buildFeature`; their hooks run after those of `options`, in this order. */
  features?: readonly FeatureType[];
  /** An edit's audit rows, where one edit can be several events (default: one `edit` row with every change). */
  editAudits?: EditAudits;
}

/** Rows of `resourceId` whose `foreignKey` equals this record's `localKey` (default its id). */
export interface RelatedRecords {
  resourceId: string;
  foreignKey: string;
  localKey?: string;
  /** A locale label naming the block when one resource is related twice (as subordinate, as supervisor). */
  title?: string;
  /** Fixed conditions besides the key, where the target keeps rows of several kinds (a flag's subjectType). */
  where?: Readonly<Record<string, string>>;
}
