import { Op, type Model, type WhereOptions } from 'sequelize';
import { decidedRegions, inRegions } from '../domain/jurisdiction.js';
import { regionWhere, type SessionUser } from '../db/jurisdiction-scope.js';
import { classifyDatabaseError } from '../db/database-errors.js';
import { regionLabel } from '../services/office-names.js';
import type { SupervisoryActionSpec } from './supervisory-action.js';

export const ALREADY_DECIDED = '该记录已被他人处理';

function officeRefusal<M extends Model>(spec: SupervisoryActionSpec<M>, user: SessionUser, values: Record<string, unknown>): string | null {
  const region = values[spec.regionField ?? 'regionCode'] as string | undefined;
  if (!region) return '记录缺少所属辖区，无法操作';
  if (inRegions(decidedRegions(spec.office ?? 'owner', user.role, user.regionCode), region)) return null;
  return (
    spec.outsideOffice?.(user, values as unknown as M) ??
    `您（${user.regionName}）无权处理${regionLabel(region)}的记录，只有该辖区的采购办可以处理`
  );
}

/**
 * Who may act and whether the state allows it: the checks every decision makes before its own rule. It reads only the
 * record's own values, so the panel asks it of every listed record to decide which buttons to show.
 */
export function refusalOfValues<M extends Model>(
  spec: SupervisoryActionSpec<M>,
  values: Record<string, unknown>,
  user: SessionUser,
): string | null {
  const refusedBy = spec.mayAct ? spec.mayAct(user, values as unknown as M) : officeRefusal(spec, user, values);
  if (refusedBy) return refusedBy;
  const statusField = spec.statusField === undefined ? 'status' : spec.statusField;
  const state = statusField ? String(values[statusField]) : '';
  if (statusField && !spec.from.includes(state)) return `当前状态为“${spec.stateLabels[state] ?? state}”，不能执行“${spec.label}”`;
  return null;
}

export function refusalOf<M extends Model>(spec: SupervisoryActionSpec<M>, row: M, user: SessionUser): string | null {
  return refusalOfValues(spec, row.get() as Record<string, unknown>, user);
}

/** Everything the server would refuse that a listed record's values (and its resource's row facts) already show. */
export function listedRefusal<M extends Model>(
  spec: SupervisoryActionSpec<M>,
  values: Record<string, unknown>,
  user: SessionUser,
): string | null {
  return refusalOfValues(spec, values, user) ?? spec.rowRefusal?.(values, user) ?? null;
}

/**
 * The records `spec` lets this user decide, as SQL: the same office and states as `refusalOfValues` (or the spec's
 * own `decidableWhere` where its rule is more than that); null when the user decides none.
 */
export function decidableWhere<M extends Model>(spec: SupervisoryActionSpec<M>, user: SessionUser): WhereOptions | null {
  if (spec.decidableWhere) return spec.decidableWhere(user);
  if (spec.mayAct) throw new Error(`${spec.name}: a decision with its own mayAct must say which records it decides (decidableWhere)`);
  const regions = decidedRegions(spec.office ?? 'owner', user.role, user.regionCode);
  if (regions === null) return null;
  const statusField = spec.statusField === undefined ? 'status' : spec.statusField;
  return {
    [Op.and]: [
      regionWhere(spec.regionField ?? 'regionCode', regions),
      ...(statusField ? [{ [statusField]: { [Op.in]: [...spec.from] } }] : []),
    ],
  };
}

/**
 * The records any of `specs` lets a user decide, as SQL; undefined when there are no decisions or one of them cannot
 * say so (its own `mayAct` without `decidableWhere`), so no count or filter is offered that could disagree with it.
 */
export function decidableRule(
  specs: ReadonlyArray<SupervisoryActionSpec<Model>>,
): ((user: SessionUser) => WhereOptions | null) | undefined {
  if (!specs.length || specs.some((spec) => spec.mayAct && !spec.decidableWhere)) return undefined;
  return (user) => decidableByAny(specs, user);
}

/** What any of `specs` lets this user decide; null for none. */
export function decidableByAny(specs: ReadonlyArray<SupervisoryActionSpec<Model>>, user: SessionUser): WhereOptions | null {
  const parts = specs.map((spec) => decidableWhere(spec, user)).filter((w): w is WhereOptions => w !== null);
  return parts.length ? { [Op.or]: parts } : null;
}

/** A serialisation failure between two writers is the same race as a lost guard, seen by the database instead of by us. */
export function isWriteRace(error: unknown): boolean {
  return classifyDatabaseError(error) === 'conflict';
}
