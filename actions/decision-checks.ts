import type { Model } from 'sequelize';
import { canAct } from '../domain/jurisdiction.js';
import type { SessionUser } from '../resources/jurisdiction-scope.js';
import type { SupervisoryActionSpec } from './supervisory-action.js';

export const ALREADY_DECIDED = '该记录已被他人处理';

function defaultMayAct(user: SessionUser, region: string | undefined): string | null {
  if (!region) return '记录缺少所属辖区，无法操作';
  return canAct(user.role, user.regionCode, region) ? null : `您（${user.regionName}）无权处理辖区 ${region} 的记录，只有该辖区的采购办可以处理`;
}

/** Who may act and whether the state allows it: the checks every decision makes before its own rule. */
export function refusalOf<M extends Model>(spec: SupervisoryActionSpec<M>, row: M, user: SessionUser): string | null {
  const values = row.get() as Record<string, unknown>;
  const refusedBy = spec.mayAct ? spec.mayAct(user, row) : defaultMayAct(user, values[spec.regionField ?? 'regionCode'] as string | undefined);
  if (refusedBy) return refusedBy;
  const statusField = spec.statusField === undefined ? 'status' : spec.statusField;
  const state = statusField ? String(values[statusField]) : '';
  if (statusField && !spec.from.includes(state)) return `当前状态为“${spec.stateLabels[state] ?? state}”，不能执行“${spec.label}”`;
  return null;
}

/** A serialisation failure between two writers is the same race as a lost guard, seen by the database instead of by us. */
export function isWriteRace(error: unknown): boolean {
  return error instanceof Error && /could not serialize|SQLITE_BUSY|deadlock/i.test(error.message);
}

