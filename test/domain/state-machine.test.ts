import { describe, expect, it } from '@jest/globals';
import { IllegalTransitionError, defineStateMachine } from '../../domain/state-machine.js';

const door = defineStateMachine({
  states: { closed: '已关闭', open: '已打开', locked: '已上锁' },
  transitions: {
    open: { from: ['closed'], to: 'open', label: '开门' },
    close: { from: ['open'], to: 'closed', label: '关门' },
    lock: { from: ['closed'], to: 'locked' },
    unlock: { from: ['locked'], to: 'closed', label: '开锁' },
  },
});

type DoorState = 'closed' | 'open' | 'locked';
type DoorAction = 'open' | 'close' | 'lock' | 'unlock';

describe('defineStateMachine', () => {
  it.each<[DoorState, DoorAction, DoorState]>([
    ['closed', 'open', 'open'],
    ['open', 'close', 'closed'],
    ['closed', 'lock', 'locked'],
    ['locked', 'unlock', 'closed'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(door.next(from, action)).toBe(to);
    expect(door.can(from, action)).toBe(true);
  });

  it.each<[DoorState, DoorAction, string]>([
    ['open', 'open', '当前状态为“已打开”，不能执行“开门”'],
    ['open', 'lock', '当前状态为“已打开”，不能执行“lock”'],
    ['locked', 'open', '当前状态为“已上锁”，不能执行“开门”'],
    ['closed', 'unlock', '当前状态为“已关闭”，不能执行“开锁”'],
    ['locked', 'close', '当前状态为“已上锁”，不能执行“关门”'],
  ])('refuses %s --%s--> with a readable message', (from, action, message) => {
    expect(door.can(from, action)).toBe(false);
    let caught: unknown;
    try {
      door.next(from, action);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as IllegalTransitionError).message).toBe(message);
    expect((caught as IllegalTransitionError).state).toBe(from);
    expect((caught as IllegalTransitionError).action).toBe(action);
  });

  it('refuses unknown states and actions coming from stored data', () => {
    expect(() => door.next('ajar' as DoorState, 'open')).toThrow('未知状态“ajar”，不能执行“开门”');
    expect(() => door.next('closed', 'kick' as DoorAction)).toThrow('未知操作“kick”');
    expect(() => door.next('closed', 'toString' as DoorAction)).toThrow(IllegalTransitionError);
    expect(door.can('constructor' as DoorState, 'open')).toBe(false);
  });

  it('lists the actions allowed in a state', () => {
    expect(door.allowedActions('closed')).toEqual(['open', 'lock']);
    expect(door.allowedActions('open')).toEqual(['close']);
    expect(door.allowedActions('locked')).toEqual(['unlock']);
  });

  it('labels states and actions', () => {
    expect(door.stateLabel('locked')).toBe('已上锁');
    expect(door.actionLabel('unlock')).toBe('开锁');
    expect(door.actionLabel('lock')).toBe('lock');
  });

  it('rejects a definition that points at an undefined state', () => {
    expect(() =>
      defineStateMachine<string, string>({
        states: { a: '甲' },
        transitions: { go: { from: ['a'], to: 'b' } },
      }),
    ).toThrow('状态机定义错误：动作“go”引用了未定义的状态“b”');
  });
});
