import type { OperatorState } from '@/api/types';

/** Online/offline counts shown above the monitoring table (A §7). */
export function onlineSummary(rows: readonly OperatorState[]): { online: number; offline: number } {
  const offline = rows.filter((row) => row.state === 'offline').length;
  return { online: rows.length - offline, offline };
}

/** Operators by name, so rows do not jump around when states change. */
export function sortByName(rows: readonly OperatorState[]): OperatorState[] {
  return [...rows].sort((a, b) => a.full_name.localeCompare(b.full_name, 'ru'));
}
