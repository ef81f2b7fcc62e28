import { METHOD_LABELS } from '../../../domain/procurement-methods.js';
import { choiceLabels } from '../../record/record-locale.js';
import { CONTRACT_FILING } from '../../records/contract-filing.record.js';

/** The Chinese labels of a filing's choices, as its declaration (db/records/contract-filing.record.ts) gives them. */
const { fields } = CONTRACT_FILING;
export const PUSH_STATUS_LABELS: Record<string, string> = choiceLabels(fields.pushStatus, 'zh');
export const FILING_STATUS_LABELS: Record<string, string> = choiceLabels(fields.status, 'zh');
export const PUSH_ROUTE_LABELS: Record<string, string> = choiceLabels(fields.pushRoute, 'zh');
/** A filing's budget is of the kinds 计划管理 names. */
export const BUDGET_TYPE_LABELS: Record<string, string> = choiceLabels(fields.budgetType, 'zh');
export const FILING_KIND_LABELS: Record<string, string> = choiceLabels(fields.kind, 'zh');
export { METHOD_LABELS };
