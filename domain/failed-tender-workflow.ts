/** 异常处理 (废标) handling: unit approval, optional supervisor confirmation, 回第一步. */
import { defineStateMachine } from './state-machine.js';

export const FAILED_TENDER_STATES = {
  editing: '编辑中',
  submitted: '已提交',
  unit_approved: '单位已审核',
  awaiting_supervisor: '待采购办确认',
  approved: '已通过',
  rejected: '已驳回',
} as const;

export type FailedTenderState = keyof typeof FAILED_TENDER_STATES;

export type FailedTenderAction = 'submit' | 'unitApprove' | 'requestConfirmation' | 'complete' | 'confirm' | 'reject' | 'returnToStepOne';

export const failedTenderMachine = defineStateMachine<FailedTenderState, FailedTenderAction>({
  states: FAILED_TENDER_STATES,
  transitions: {
    submit: { from: ['editing'], to: 'submitted', label: '提交' },
    unitApprove: { from: ['submitted'], to: 'unit_approved', label: '单位审核' },
    // unit_approved is only a waypoint: the rule decides at once whether the office must confirm.
    requestConfirmation: { from: ['unit_approved'], to: 'awaiting_supervisor', label: '提交采购办确认' },
    complete: { from: ['unit_approved'], to: 'approved', label: '审核通过' },
    confirm: { from: ['awaiting_supervisor'], to: 'approved', label: '确认' },
    reject: { from: ['awaiting_supervisor'], to: 'rejected', label: '驳回' },
    returnToStepOne: { from: ['approved'], to: 'editing', label: '回第一步' },
  },
});

export function submit(state: FailedTenderState): FailedTenderState {
  return failedTenderMachine.next(state, 'submit');
}

/**
 * The unit's approval; `needsConfirmation` comes from failedTenderNeedsConfirmation and
 * decides whether the procurement office has to confirm before the handling takes effect.
 */
export function unitApprove(state: FailedTenderState, needsConfirmation: boolean): FailedTenderState {
  const approved = failedTenderMachine.next(state, 'unitApprove');
  return failedTenderMachine.next(approved, needsConfirmation ? 'requestConfirmation' : 'complete');
}

export function confirm(state: FailedTenderState): FailedTenderState {
  return failedTenderMachine.next(state, 'confirm');
}

export function reject(state: FailedTenderState): FailedTenderState {
  return failedTenderMachine.next(state, 'reject');
}

export function returnToStepOne(state: FailedTenderState): FailedTenderState {
  return failedTenderMachine.next(state, 'returnToStepOne');
}
