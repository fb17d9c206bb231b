import { describe, expect, it } from 'vitest';
import { TASK_COLORS, taskColor, taskStatus } from './taskColors';

const now = Date.parse('2026-05-12T18:50:00Z');

describe('task colours (F-54, O §6.1.1)', () => {
  it('paints done tasks green, overdue red and active black', () => {
    expect(taskColor({ done_at: '2026-05-12T18:00:00Z', due_at: '2026-05-12T17:00:00Z' }, now)).toBe(TASK_COLORS.done);
    expect(taskColor({ done_at: null, due_at: '2026-05-12T18:49:00Z' }, now)).toBe(TASK_COLORS.overdue);
    expect(taskColor({ done_at: null, due_at: '2026-05-12T19:09:00Z' }, now)).toBe(TASK_COLORS.active);
    expect(TASK_COLORS).toEqual({ done: '#389e0d', overdue: '#cf1322', active: '#000000' });
  });

  it('turns an active task overdue once its time passes, without a reload', () => {
    const task = { done_at: null, due_at: '2026-05-12T18:51:00Z' };
    expect(taskStatus(task, now)).toBe('active');
    expect(taskStatus(task, now + 120_000)).toBe('overdue');
  });
});
