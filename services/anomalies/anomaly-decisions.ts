import type { Model, ModelStatic } from 'sequelize';
import type { ActionDetail, SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { FAILED_TENDER_STATES, failedTenderMachine, type FailedTenderState } from '../../domain/failed-tender-workflow.js';

/** What both anomaly kinds share: a project, a workflow state, and the basis for the office's confirmation. */
export interface AnomalyRow extends Model {
  id: number;
  projectNo: string;
  projectName: string;
  state: FailedTenderState;
  confirmationBasis: string;
  version: number;
}

interface AnomalySpecInput<M extends AnomalyRow> {
  resourceId: string;
  model: ModelStatic<M>;
  /** Facts of this kind shown before deciding (the method change and amount, or what changed in the result). */
  facts: (row: M) => ActionDetail[];
}

const decided =
  (state: FailedTenderState) =>
  (_row: unknown, { user, reason, now }: { user: { username: string }; reason: string | null; now: Date }) => ({
    state,
    decidedAt: now,
    decidedBy: user.username,
    decisionReason: reason,
  });

/**
 * 确认 and 驳回 for an anomaly handling that waits for the office, and 回第一步 for an approved one: the states and
 * their order are the workflow's (domain/failed-tender-workflow.ts); every step is audited with its reason.
 */
export function anomalyDecisions<M extends AnomalyRow>({ resourceId, model, facts }: AnomalySpecInput<M>) {
  const inspect = async (row: M) => ({
    details: [
      { label: '项目', value: `${row.projectNo} ${row.projectName}` },
      ...facts(row),
      { label: '须采购办确认的依据', value: row.confirmationBasis },
    ],
  });
  const common = { resourceId, model, statusField: 'state', stateLabels: FAILED_TENDER_STATES, inspect };
  const confirm: SupervisoryActionSpec<M> = {
    ...common,
    name: 'confirmAnomaly',
    label: failedTenderMachine.actionLabel('confirm'),
    from: failedTenderMachine.transitions.confirm.from,
    reason: 'optional',
    apply: decided('approved'),
    success: (row) => `${row.projectName} 的处理已确认同意`,
    icon: 'CheckCircle',
    variant: 'success',
  };
  const reject: SupervisoryActionSpec<M> = {
    ...common,
    name: 'rejectAnomaly',
    label: failedTenderMachine.actionLabel('reject'),
    from: failedTenderMachine.transitions.reject.from,
    reason: 'required',
    apply: decided('rejected'),
    success: (row) => `${row.projectName} 的处理已驳回`,
    icon: 'XCircle',
    variant: 'danger',
  };
  const returnToStepOne: SupervisoryActionSpec<M> = {
    ...common,
    name: 'returnToStepOne',
    label: failedTenderMachine.actionLabel('returnToStepOne'),
    from: failedTenderMachine.transitions.returnToStepOne.from,
    reason: 'required',
    apply: (row, input) => ({ ...decided('editing')(row, input), unitApprovedAt: null }),
    success: (row) => `${row.projectName} 的处理已回到第一步（编辑中）`,
    icon: 'SkipBack',
    variant: 'danger',
    bulk: true,
  };
  return { confirm, reject, returnToStepOne };
}
