import { describe, expect, it } from '@jest/globals';
import {
  FAILED_TENDER_STATES,
  confirm,
  failedTenderMachine,
  reject,
  returnToStepOne,
  submit,
  unitApprove,
  type FailedTenderAction,
  type FailedTenderState,
} from '../../domain/failed-tender-workflow.js';
import { IllegalTransitionError } from '../../domain/state-machine.js';

const ALL_STATES = Object.keys(FAILED_TENDER_STATES) as FailedTenderState[];

const LEGAL: Record<FailedTenderAction, [FailedTenderState, FailedTenderState]> = {
  submit: ['editing', 'submitted'],
  unitApprove: ['submitted', 'unit_approved'],
  requestConfirmation: ['unit_approved', 'awaiting_supervisor'],
  complete: ['unit_approved', 'approved'],
  confirm: ['awaiting_supervisor', 'approved'],
  reject: ['awaiting_supervisor', 'rejected'],
  returnToStepOne: ['approved', 'editing'],
};

describe('failed-tender workflow', () => {
  it('has the Chinese state labels users see', () => {
    expect(FAILED_TENDER_STATES).toEqual({
      editing: '编辑中',
      submitted: '已提交',
      unit_approved: '单位已审核',
      awaiting_supervisor: '待采购办确认',
      approved: '已通过',
      rejected: '已驳回',
    });
  });

  const grid: [FailedTenderAction, FailedTenderState][] = [];
  for (const action of Object.keys(LEGAL) as FailedTenderAction[]) for (const state of ALL_STATES) grid.push([action, state]);

  it.each(grid)('%s from %s', (action, state) => {
    const [from, to] = LEGAL[action];
    if (state === from) {
      expect(failedTenderMachine.next(state, action)).toBe(to);
    } else {
      expect(() => failedTenderMachine.next(state, action)).toThrow(IllegalTransitionError);
      expect(() => failedTenderMachine.next(state, action)).toThrow(
        `当前状态为“${FAILED_TENDER_STATES[state]}”，不能执行“${failedTenderMachine.actionLabel(action)}”`,
      );
    }
  });

  it.each([
    [true, 'awaiting_supervisor'],
    [false, 'approved'],
  ] as const)('unit approval with needsConfirmation=%s → %s', (needsConfirmation, expected) => {
    expect(unitApprove('submitted', needsConfirmation)).toBe(expected);
  });

  it.each(ALL_STATES.filter((s) => s !== 'submitted'))('unit approval refused from %s', (state) => {
    expect(() => unitApprove(state, true)).toThrow(IllegalTransitionError);
    expect(() => unitApprove(state, false)).toThrow(`当前状态为“${FAILED_TENDER_STATES[state]}”，不能执行“单位审核”`);
  });

  it.each(ALL_STATES.filter((s) => s !== 'awaiting_supervisor'))('supervisor cannot confirm or reject from %s', (state) => {
    expect(() => confirm(state)).toThrow(`当前状态为“${FAILED_TENDER_STATES[state]}”，不能执行“确认”`);
    expect(() => reject(state)).toThrow(`当前状态为“${FAILED_TENDER_STATES[state]}”，不能执行“驳回”`);
  });

  it.each(ALL_STATES.filter((s) => s !== 'approved'))('回第一步 refused from %s', (state) => {
    expect(() => returnToStepOne(state)).toThrow(`当前状态为“${FAILED_TENDER_STATES[state]}”，不能执行“回第一步”`);
  });

  it.each(ALL_STATES.filter((s) => s !== 'editing'))('submit refused from %s', (state) => {
    expect(() => submit(state)).toThrow(`不能执行“提交”`);
  });

  it('runs the full path with supervisor confirmation and back to step one', () => {
    let s: FailedTenderState = 'editing';
    s = submit(s);
    expect(s).toBe('submitted');
    s = unitApprove(s, true);
    expect(s).toBe('awaiting_supervisor');
    s = confirm(s);
    expect(s).toBe('approved');
    s = returnToStepOne(s);
    expect(s).toBe('editing');
    expect(reject(unitApprove(submit(s), true))).toBe('rejected');
  });

  it('leaves a rejected handling final', () => {
    expect(failedTenderMachine.allowedActions('rejected')).toEqual([]);
  });
});
