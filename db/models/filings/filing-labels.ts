import { METHOD_LABELS } from '../../../domain/procurement-methods.js';
import { BUDGET_KIND_LABELS } from '../plan/plan-labels.js';

export const PUSH_STATUS_LABELS: Record<string, string> = { not_pushed: '未推送', queued: '推送中', pushed: '已推送', failed: '推送失败' };
export const FILING_STATUS_LABELS: Record<string, string> = { filed: '已备案', returned: '已退回' };
export const PUSH_ROUTE_LABELS: Record<string, string> = {
  manual: '监管端手动推送',
  legacy: '原自动推送（可补推）',
  purchaser: '采购单位推送',
  not_integrated: '原支付方式（不推送）',
};
/** A filing's budget is of the kinds 计划管理 names. */
export const BUDGET_TYPE_LABELS: Record<string, string> = BUDGET_KIND_LABELS;
export const FILING_KIND_LABELS: Record<string, string> = {
  procurement: '采购合同备案',
  agreement: '协议采购合同备案',
  self_run: '自行采购合同备案',
};
export { METHOD_LABELS };
