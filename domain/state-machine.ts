/** A small table-driven state machine whose refusals are readable by end users. */

export interface TransitionDef<S extends string> {
  from: readonly S[];
  to: S;
  /** Chinese name of the action shown in messages; falls back to the action key. */
  label?: string;
}

export interface StateMachineDef<S extends string, A extends string> {
  states: Readonly<Record<S, string>>;
  transitions: Readonly<Record<A, TransitionDef<S>>>;
}

export class IllegalTransitionError extends Error {
  readonly state: string;
  readonly action: string;
  constructor(state: string, action: string, message: string) {
    super(message);
    this.name = 'IllegalTransitionError';
    this.state = state;
    this.action = action;
  }
}

export interface StateMachine<S extends string, A extends string> {
  readonly states: Readonly<Record<S, string>>;
  readonly transitions: Readonly<Record<A, TransitionDef<S>>>;
  next(state: S, action: A): S;
  can(state: S, action: A): boolean;
  allowedActions(state: S): A[];
  stateLabel(state: S): string;
  actionLabel(action: A): string;
}

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function defineStateMachine<S extends string, A extends string>(def: StateMachineDef<S, A>): StateMachine<S, A> {
  // A typo in a transition table should fail at start-up, not when a user clicks.
  for (const [action, t] of Object.entries(def.transitions) as [string, TransitionDef<S>][]) {
    for (const s of [...t.from, t.to]) {
      if (!has(def.states, s)) {
        throw new Error(`状态机定义错误：动作“${action}”引用了未定义的状态“${s}”`);
      }
    }
  }

  const stateLabel = (state: S): string => (has(def.states, state) ? def.states[state] : String(state));
  const actionLabel = (action: A): string => (has(def.transitions, action) ? (def.transitions[action].label ?? action) : String(action));

  const can = (state: S, action: A): boolean =>
    has(def.states, state) && has(def.transitions, action) && def.transitions[action].from.includes(state);

  return {
    states: def.states,
    transitions: def.transitions,
    stateLabel,
    actionLabel,
    can,
    allowedActions(state: S): A[] {
      return (Object.keys(def.transitions) as A[]).filter((a) => can(state, a));
    },
    next(state: S, action: A): S {
      if (!has(def.states, state)) {
        throw new IllegalTransitionError(state, action, `未知状态“${String(state)}”，不能执行“${actionLabel(action)}”`);
      }
      if (!has(def.transitions, action)) {
        throw new IllegalTransitionError(state, action, `未知操作“${String(action)}”`);
      }
      if (!can(state, action)) {
        throw new IllegalTransitionError(state, action, `当前状态为“${stateLabel(state)}”，不能执行“${actionLabel(action)}”`);
      }
      return def.transitions[action].to;
    },
  };
}
