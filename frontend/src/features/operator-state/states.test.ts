import { describe, expect, it } from 'vitest';
import type { OperatorState, OperatorStateName } from '@/api/types';
import { i18n } from '@/i18n';
import { CHOSEN_STATES, selectorView, STATE_COLORS, stateLabelKey, SYSTEM_STATES } from './states';

function state(overrides: Partial<OperatorState>): OperatorState {
  return {
    operator_id: 'op-1',
    full_name: 'Иванова Анна',
    extension: '101',
    state: 'active',
    chosen_state: 'active',
    since: '2026-01-10T09:00:00Z',
    ...overrides,
  };
}

describe('state labels (O §4, O §8, F-50)', () => {
  it("uses the manuals' Russian names", () => {
    const ru = i18n.getFixedT('ru');
    const labels = Object.fromEntries([...CHOSEN_STATES, ...SYSTEM_STATES].map((s) => [s, ru(stateLabelKey(s))]));
    expect(labels).toEqual({
      active: 'Активно',
      pause: 'Пауза',
      dnd: 'Не беспокоить',
      inactive: 'Неактивно',
      ringing: 'Ожидание ответа',
      talking: 'В разговоре',
      in_card: 'В карточке',
      ringback: 'Слушает гудки',
      offline: 'Не в сети',
    });
  });

  it('has an English label and a colour for every state', () => {
    const en = i18n.getFixedT('en');
    for (const s of [...CHOSEN_STATES, ...SYSTEM_STATES] as OperatorStateName[]) {
      expect(en(stateLabelKey(s))).not.toBe(stateLabelKey(s));
      expect(STATE_COLORS[s]).toBeTruthy();
    }
  });
});

describe('selectorView', () => {
  it('shows a chosen state as the selection with no system label', () => {
    expect(selectorView(state({ state: 'pause', chosen_state: 'pause' }))).toEqual({
      chosen: 'pause',
      system: null,
      since: '2026-01-10T09:00:00Z',
    });
  });

  it("shows a system state read-only next to the operator's own choice", () => {
    const view = selectorView(state({ state: 'talking', chosen_state: 'active', since: '2026-01-10T09:05:00Z' }));
    expect(view).toEqual({ chosen: 'active', system: 'talking', since: '2026-01-10T09:05:00Z' });
  });

  it('treats offline as a system state', () => {
    expect(selectorView(state({ state: 'offline', chosen_state: 'inactive' })).system).toBe('offline');
  });
});
