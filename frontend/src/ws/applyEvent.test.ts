import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryKeys } from '@/api/queryKeys';
import type { Notification, OperatorState } from '@/api/types';
import { applyServerEvent } from './applyEvent';
import type { ServerEvent } from './messages';

const ME = 'user-op1';

function row(id: string, state: OperatorState['state'], since: string): OperatorState {
  const chosen = state === 'pause' || state === 'dnd' || state === 'inactive' ? state : 'active';
  return { operator_id: id, full_name: `Operator ${id}`, extension: '10' + id, state, chosen_state: chosen, since };
}

function event(name: string, data: Record<string, unknown>, occurredAt = '2026-01-10T09:10:00Z'): ServerEvent {
  return { name, version: 1, id: `evt-${Math.random()}`, occurred_at: occurredAt, producer: 'queue-router', data };
}

function stateChanged(operatorId: string, state: string, startedAt: string, previous = 'active') {
  return event('operator_state_changed', {
    operator_id: operatorId,
    state,
    previous_state: previous,
    started_at: startedAt,
  });
}

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});

describe('operator_state_changed (F-50, F-64)', () => {
  it('updates the row of that operator in the monitoring list', () => {
    client.setQueryData(queryKeys.operatorStates, [
      row('1', 'active', '2026-01-10T09:00:00Z'),
      row('2', 'talking', '2026-01-10T09:01:00Z'),
    ]);
    const outcome = applyServerEvent(client, stateChanged('1', 'pause', '2026-01-10T09:05:00Z'), { userId: ME });
    const rows = client.getQueryData<OperatorState[]>(queryKeys.operatorStates);
    expect(outcome.kind).toBe('applied');
    expect(rows?.[0]).toMatchObject({ state: 'pause', chosen_state: 'pause', since: '2026-01-10T09:05:00Z' });
    expect(rows?.[1]).toMatchObject({ state: 'talking', since: '2026-01-10T09:01:00Z' });
  });

  it("updates the operator's own state and keeps the choice under a system state", () => {
    client.setQueryData(queryKeys.myState, row('1', 'active', '2026-01-10T09:00:00Z'));
    applyServerEvent(client, stateChanged('1', 'talking', '2026-01-10T09:06:00Z'), { userId: ME });
    expect(client.getQueryData(queryKeys.myState)).toMatchObject({
      state: 'talking',
      chosen_state: 'active',
      since: '2026-01-10T09:06:00Z',
    });
  });

  it('ignores a change older than what is shown (events delivered out of order)', () => {
    client.setQueryData(queryKeys.operatorStates, [row('1', 'pause', '2026-01-10T09:05:00Z')]);
    const outcome = applyServerEvent(client, stateChanged('1', 'active', '2026-01-10T09:04:00Z'), { userId: ME });
    expect(outcome.kind).toBe('ignored');
    expect(client.getQueryData<OperatorState[]>(queryKeys.operatorStates)?.[0]?.state).toBe('pause');
  });

  it('reloads the list when an operator it does not show changes state', () => {
    client.setQueryData(queryKeys.operatorStates, [row('1', 'active', '2026-01-10T09:00:00Z')]);
    applyServerEvent(client, stateChanged('9', 'active', '2026-01-10T09:05:00Z'), { userId: ME });
    expect(client.getQueryState(queryKeys.operatorStates)?.isInvalidated).toBe(true);
  });

  it('matches numeric and string operator ids alike', () => {
    client.setQueryData(queryKeys.operatorStates, [row('7', 'active', '2026-01-10T09:00:00Z')]);
    applyServerEvent(
      client,
      event('operator_state_changed', { operator_id: 7, state: 'dnd', started_at: '2026-01-10T09:05:00Z' }),
      { userId: ME },
    );
    expect(client.getQueryData<OperatorState[]>(queryKeys.operatorStates)?.[0]?.state).toBe('dnd');
  });

  it('ignores malformed data', () => {
    client.setQueryData(queryKeys.operatorStates, [row('1', 'active', '2026-01-10T09:00:00Z')]);
    const outcome = applyServerEvent(client, event('operator_state_changed', { operator_id: '1', state: 'dancing' }), {
      userId: ME,
    });
    expect(outcome.kind).toBe('ignored');
    expect(client.getQueryData<OperatorState[]>(queryKeys.operatorStates)?.[0]?.state).toBe('active');
  });
});

describe('notification_created (O §5)', () => {
  const data = {
    user_id: ME,
    notification_id: 'n-2',
    kind: 'task_due',
    title: 'Перезвонить',
    body: 'Клиент ждёт звонка',
    payload: { task_id: 't1' },
  };
  const existing: Notification = {
    id: 'n-1',
    kind: 'task_due',
    title: 'Старое',
    body: '',
    created_at: '2026-01-10T08:00:00Z',
    read_at: null,
    payload: {},
  };

  it('puts the new notification on top of the list, unread', () => {
    client.setQueryData(queryKeys.notifications, [existing]);
    const outcome = applyServerEvent(client, event('notification_created', data), { userId: ME });
    const list = client.getQueryData<Notification[]>(queryKeys.notifications);
    expect(outcome.kind).toBe('notification');
    expect(list?.map((n) => n.id)).toEqual(['n-2', 'n-1']);
    expect(list?.[0]).toMatchObject({ title: 'Перезвонить', read_at: null, created_at: '2026-01-10T09:10:00Z' });
  });

  it('does not add the same notification twice when the event is redelivered', () => {
    client.setQueryData(queryKeys.notifications, [existing]);
    applyServerEvent(client, event('notification_created', data), { userId: ME });
    const again = applyServerEvent(client, event('notification_created', data), { userId: ME });
    expect(again.kind).toBe('ignored');
    expect(client.getQueryData<Notification[]>(queryKeys.notifications)).toHaveLength(2);
  });

  it('ignores a notification addressed to another user', () => {
    client.setQueryData(queryKeys.notifications, [existing]);
    const outcome = applyServerEvent(client, event('notification_created', { ...data, user_id: 'someone-else' }), {
      userId: ME,
    });
    expect(outcome.kind).toBe('ignored');
    expect(client.getQueryData<Notification[]>(queryKeys.notifications)).toHaveLength(1);
  });
});

describe('other events', () => {
  it('reports a revoked session so the shell goes to the login page', () => {
    expect(applyServerEvent(client, event('session_revoked', {}), { userId: ME }).kind).toBe('session_revoked');
  });

  it('ignores events the SPA does not use yet', () => {
    expect(applyServerEvent(client, event('call_answered', { call_id: 'c1' }), { userId: ME }).kind).toBe('ignored');
  });
});
