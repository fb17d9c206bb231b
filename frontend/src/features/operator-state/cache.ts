import type { OperatorState, OperatorStateName } from '@/api/types';
import { parseTime } from '@/shared/time';
import { isChosenState, isSystemState } from './states';

/** The part of an `operator_state_changed` event the SPA relies on. */
export interface StateChange {
  operator_id: string | number;
  state: OperatorStateName;
  started_at: string;
  chosen_state?: string | null;
}

/** Reads the fields the SPA needs from an event's data; null when they are missing. */
export function asStateChange(data: Record<string, unknown>): StateChange | null {
  const { operator_id: id, state, started_at: startedAt, chosen_state: chosen } = data;
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  if (typeof state !== 'string' || !(isChosenState(state) || isSystemState(state))) return null;
  if (typeof startedAt !== 'string') return null;
  return { operator_id: id, state, started_at: startedAt, chosen_state: typeof chosen === 'string' ? chosen : null };
}

function sameId(a: string | number, b: string | number): boolean {
  return String(a) === String(b);
}

function isOlder(change: StateChange, row: OperatorState): boolean {
  const changed = parseTime(change.started_at);
  const known = parseTime(row.since);
  return !Number.isNaN(changed) && !Number.isNaN(known) && changed < known;
}

/** Applies a state change to one operator's state; stale (out-of-order) changes are ignored. */
export function applyStateChange(row: OperatorState, change: StateChange): OperatorState {
  if (!sameId(row.operator_id, change.operator_id) || isOlder(change, row)) return row;
  const chosen = change.chosen_state && isChosenState(change.chosen_state) ? change.chosen_state : null;
  return {
    ...row,
    state: change.state,
    since: change.started_at,
    // A chosen state is the operator's own choice; system states keep the previous choice.
    chosen_state: chosen ?? (isChosenState(change.state) ? change.state : row.chosen_state),
  };
}

/** Applies a change to the monitoring list; returns null when the operator is not in it. */
export function applyStateChangeToList(rows: OperatorState[], change: StateChange): OperatorState[] | null {
  const index = rows.findIndex((row) => sameId(row.operator_id, change.operator_id));
  if (index < 0) return null;
  const current = rows[index] as OperatorState;
  const next = applyStateChange(current, change);
  if (next === current) return rows;
  const copy = rows.slice();
  copy[index] = next;
  return copy;
}

/** Keeps whichever of two snapshots of the same operator is newer (responses may race events). */
export function newerState(cached: OperatorState | undefined, incoming: OperatorState): OperatorState {
  if (!cached || !sameId(cached.operator_id, incoming.operator_id)) return incoming;
  const known = parseTime(cached.since);
  const fresh = parseTime(incoming.since);
  return !Number.isNaN(known) && !Number.isNaN(fresh) && fresh < known ? cached : incoming;
}

/** Replaces an operator's row in the monitoring list if it is there and the snapshot is newer. */
export function replaceOperatorState(rows: OperatorState[], saved: OperatorState): OperatorState[] {
  const index = rows.findIndex((row) => sameId(row.operator_id, saved.operator_id));
  if (index < 0) return rows;
  const copy = rows.slice();
  copy[index] = newerState(rows[index], saved);
  return copy;
}
