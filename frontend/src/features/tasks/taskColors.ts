import type { Task } from './types';

/** F-54, O §6.1.1: done green, overdue red, active black. */
export const TASK_COLORS = { done: '#389e0d', overdue: '#cf1322', active: '#000000' } as const;

export type TaskStatus = keyof typeof TASK_COLORS;

/** A task's status now: the server's answer ages, so an active task past its time turns overdue. */
export function taskStatus(task: Pick<Task, 'done_at' | 'due_at'>, now: number): TaskStatus {
  if (task.done_at) return 'done';
  return Date.parse(task.due_at) < now ? 'overdue' : 'active';
}

export function taskColor(task: Pick<Task, 'done_at' | 'due_at'>, now: number): string {
  return TASK_COLORS[taskStatus(task, now)];
}
