import type { Action, ActionContext, ActionRequest, ActionResponse } from 'adminjs';
import { Components } from '../panel/components/registry.js';
import { sessionUserOf } from '../db/jurisdiction-scope.js';
import { RISK_RULE_LABELS, type RiskRuleCode } from '../domain/risk/rule-codes.js';
import { RiskFlag } from '../db/models/risk/risk-flag.model.js';
import { openCase, openCaseRefusal } from '../services/risk/open-case.js';
import { REASON_MAX_LENGTH, validateReason, type ActionDetail } from './supervisory-action.js';
import { regionLabel } from '../services/office-names.js';

const SPEC = { reason: 'required' as const, reasonLabel: '立案理由' };
const custom = { reason: SPEC.reason, reasonMax: REASON_MAX_LENGTH, reasonLabel: SPEC.reasonLabel };

function facts(flag: RiskFlag): ActionDetail[] {
  return [
    { label: '预警规则', value: RISK_RULE_LABELS[flag.rule as RiskRuleCode] ?? flag.rule },
    { label: '预警对象', value: flag.subjectLabel },
    { label: '所属辖区（承办采购办）', value: regionLabel(flag.regionCode) },
    { label: '预警阈值', value: flag.threshold },
  ];
}

/**
 * 立案 and 批量立案 on red flags: one case from the flag, or from the flags chosen (all of one region), through
 * services/risk/open-case.ts, which checks, writes and audits in one transaction. The forms are the supervisory
 * decisions' own (facts, the reason box, one button; the bulk summary).
 */
export function openCaseActions(): Record<string, Partial<Action<ActionResponse>>> {
  const single: Partial<Action<ActionResponse>> = {
    actionType: 'record',
    custom,
    icon: 'FolderPlus',
    variant: 'primary',
    component: Components.SupervisoryActionForm,
    showInDrawer: false,
    isVisible: ({ record, currentAdmin }) => {
      if (!record) return true;
      const user = sessionUserOf({ currentAdmin });
      return !!user && openCaseRefusal(user, record.params) === null;
    },
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const user = sessionUserOf(context)!;
      const record = context.record!;
      const id = Number(record.id());
      if (request.method !== 'post') {
        const row = await RiskFlag.findByPk(id);
        return {
          record: record.toJSON(context.currentAdmin),
          details: row ? facts(row) : [],
          refusal: row ? openCaseRefusal(user, row) : '该记录不存在或不在您的辖区内',
          ...custom,
        };
      }
      const { reason, error } = validateReason(SPEC, request.payload?.reason);
      const outcome = error ? { ok: false as const, message: error } : await openCase([id], user, reason!);
      return {
        record: record.toJSON(context.currentAdmin),
        notice: { message: outcome.message, type: outcome.ok ? 'success' : 'error' },
        ...(outcome.ok
          ? {
              redirectUrl: context.h.recordActionUrl({
                resourceId: 'SupervisionCase',
                recordId: String(outcome.caseId),
                actionName: 'show',
              }),
            }
          : {}),
      };
    },
  };
  const bulk: Partial<Action<ActionResponse>> = {
    actionType: 'bulk',
    custom,
    icon: 'FolderPlus',
    variant: 'primary',
    component: Components.SupervisoryBulkForm,
    showInDrawer: false,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const user = sessionUserOf(context)!;
      const records = context.records ?? [];
      if (request.method !== 'post') return { records: records.map((r) => r.toJSON(context.currentAdmin)) };
      const { reason, error } = validateReason(SPEC, request.payload?.reason);
      if (error) return { records: [], notice: { message: error, type: 'error' } };
      // Only what AdminJS found through the jurisdiction adapter: a forged id of another region is not among them.
      const asked = new Set(
        String(request.query?.recordIds ?? '')
          .split(',')
          .filter(Boolean),
      );
      const unseen = [...asked].filter((id) => !records.some((r) => String(r.id()) === id));
      if (unseen.length)
        return { records: [], notice: { message: `所选预警 ${unseen.join('、')} 不存在或不在您的辖区内，未立案`, type: 'error' } };
      const outcome = await openCase(
        records.map((r) => Number(r.id())),
        user,
        reason!,
      );
      return {
        records: [],
        notice: { message: outcome.message, type: outcome.ok ? 'success' : 'error' },
        done: outcome.ok ? records.map((r) => String(r.params.subjectLabel)) : [],
        refused: outcome.ok ? [] : outcome.refused.length ? outcome.refused.map((r) => `${r.title}：${r.message}`) : [outcome.message],
        redirectUrl: outcome.ok
          ? context.h.recordActionUrl({ resourceId: 'SupervisionCase', recordId: String(outcome.caseId), actionName: 'show' })
          : context.h.resourceUrl({ resourceId: context.resource.id() }),
      };
    },
  };
  return { openCase: single, openCaseBulk: bulk };
}
