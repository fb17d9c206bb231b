import type { ChosenStateName, OperatorState, OperatorStateName } from '@/api/types';

/** States the operator picks in the status selector (O §4, F-50). */
export const CHOSEN_STATES = ['active', 'pause', 'dnd', 'inactive'] as const satisfies readonly ChosenStateName[];

/** States the system sets during calls or when the operator is gone (O §8, F-50). */
export const SYSTEM_STATES = [
  'ringing',
  'talking',
  'in_card',
  'ringback',
  'offline',
] as const satisfies readonly OperatorStateName[];

export type SystemStateName = (typeof SYSTEM_STATES)[number];

export function isChosenState(state: string): state is ChosenStateName {
  return (CHOSEN_STATES as readonly string[]).includes(state);
}

export function isSystemState(state: string): state is SystemStateName {
  return (SYSTEM_STATES as readonly string[]).includes(state);
}

/** antd Tag/Badge colours per state. */
export const STATE_COLORS: Record<OperatorStateName, string> = {
  active: 'green',
  pause: 'gold',
  dnd: 'volcano',
  inactive: 'default',
  ringing: 'cyan',
  talking: 'blue',
  in_card: 'purple',
  ringback: 'geekblue',
  offline: 'default',
};

/** Colours for the small status dot (Badge `color` takes CSS colours). */
export const STATE_DOT_COLORS: Record<OperatorStateName, string> = {
  active: '#52c41a',
  pause: '#faad14',
  dnd: '#fa541c',
  inactive: '#bfbfbf',
  ringing: '#13c2c2',
  talking: '#1677ff',
  in_card: '#722ed1',
  ringback: '#2f54eb',
  offline: '#8c8c8c',
};

/** i18n key of a state's label ("Активно", "В разговоре", ...). */
export function stateLabelKey(state: OperatorStateName) {
  return `operatorState.states.${state}` as const;
}

export interface SelectorView {
  /** What the selector shows as chosen (the operator's own choice). */
  chosen: ChosenStateName;
  /** A read-only system state shown next to it (talking, in card, ...), or null. */
  system: SystemStateName | null;
  /** Start of the current state, for the running timer (null when the server does not know). */
  since: OperatorState['since'];
}

/** How the status selector presents the operator's state. */
export function selectorView(state: OperatorState): SelectorView {
  const current = state.state;
  return {
    chosen: isChosenState(current) ? current : state.chosen_state,
    system: isSystemState(current) ? current : null,
    since: state.since,
  };
}
