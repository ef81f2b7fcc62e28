import type { Model, ModelStatic } from 'sequelize';
import type { ActionDetail, SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { approvingRegion } from '../../domain/pre-procurement.js';
import { regionLabel } from '../office-names.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { REQUEST_STATE } from '../../db/records/pre-trade-request.fields.js';

export const REQUEST_STATES: Record<string, string> = choiceLabels(REQUEST_STATE, 'zh');

export interface PreTradeRequest extends Model {
  id: number;
  projectName: string;
  regionCode: string;
  state: string;
  version: number;
}

interface DecisionInput<M extends PreTradeRequest> {
  resourceId: string;
  model: ModelStatic<M>;
  /** What is being approved, in the success message ("采购方式变更", "进口产品采购"). */
  subject: string;
  facts: (row: M) => ActionDetail[];
  /** A rule that must hold before approval (e.g. the single-source notice); null when it holds. */
  approvalRefusal?: (row: M) => string | null;
}

/**
 * 批准 and 不予批准 for the requests that the law sends to an office at city level or above: a county's request goes
 * to its city, a city's to the city, 省本级's to the province (政府采购法 art. 27, 财库〔2007〕119号).
 */
export function preTradeDecisions<M extends PreTradeRequest>({ resourceId, model, subject, facts, approvalRefusal }: DecisionInput<M>) {
  // The office is the one the law names: the records' own rule is `cityLevel` (domain/jurisdiction.ts).
  const outsideOffice = (user: { regionName: string }, row: M): string =>
    `${subject}须由设区的市级以上采购办审批：该申请（${regionLabel(row.regionCode)}）由${regionLabel(approvingRegion(row.regionCode))}的采购办审批，您（${user.regionName}）不能审批`;
  const decided =
    (state: 'approved' | 'rejected') =>
    (_row: M, { user, reason, now }: { user: { username: string }; reason: string | null; now: Date }) => ({
      state,
      decidedAt: now,
      decidedBy: user.username,
      decisionReason: reason,
    });
  const common = {
    resourceId,
    model,
    statusField: 'state',
    from: ['submitted'],
    stateLabels: REQUEST_STATES,
    office: 'cityLevel' as const,
    outsideOffice,
  };
  const approve: SupervisoryActionSpec<M> = {
    ...common,
    name: 'approveRequest',
    label: '批准',
    reason: 'optional',
    inspect: async (row) => {
      const refusal = approvalRefusal?.(row) ?? undefined;
      return { details: facts(row), ...(refusal && { refusal }) };
    },
    apply: decided('approved'),
    success: (row) => `已批准 ${row.projectName} 的${subject}申请`,
    icon: 'CheckCircle',
    variant: 'success',
  };
  const reject: SupervisoryActionSpec<M> = {
    ...common,
    name: 'rejectRequest',
    label: '不予批准',
    reason: 'required',
    inspect: async (row) => ({ details: facts(row) }),
    apply: decided('rejected'),
    success: (row) => `${row.projectName} 的${subject}申请不予批准`,
    icon: 'XCircle',
    variant: 'danger',
  };
  return { approve, reject };
}
