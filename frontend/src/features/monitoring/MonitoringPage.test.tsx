import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '@/api/queryKeys';
import type { OperatorState } from '@/api/types';
import { renderWithProviders, testQueryClient } from '@/test/render';
import { applyServerEvent } from '@/ws/applyEvent';
import { MonitoringPage } from './MonitoringPage';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const rows: OperatorState[] = [
  {
    operator_id: 'b',
    full_name: 'Борисов Игорь',
    extension: '102',
    state: 'talking',
    chosen_state: 'active',
    since: minutesAgo(4),
  },
  {
    operator_id: 'a',
    full_name: 'Алексеева Ольга',
    extension: '101',
    state: 'active',
    chosen_state: 'active',
    since: minutesAgo(1),
  },
  {
    operator_id: 'c',
    full_name: 'Волков Пётр',
    extension: null,
    state: 'offline',
    chosen_state: 'inactive',
    since: minutesAgo(30),
  },
];

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('MonitoringPage (A §7, F-64)', () => {
  it('lists operators by name with state, extension, time in state and online counts', async () => {
    const client = testQueryClient();
    client.setQueryData(queryKeys.operatorStates, rows);
    renderWithProviders(<MonitoringPage />, client);

    const names = (await screen.findAllByRole('row'))
      .slice(1)
      .map((tr) => within(tr).getAllByRole('cell')[1]?.textContent);
    expect(names).toEqual(['Алексеева Ольга', 'Борисов Игорь', 'Волков Пётр']);
    expect(within(rowOf('Борисов Игорь')).getByTestId('operator-state')).toHaveTextContent('В разговоре');
    expect(within(rowOf('Борисов Игорь')).getByTestId('operator-state-time')).toHaveTextContent(/^04:0\d$/);
    expect(screen.getByTestId('monitoring-online')).toHaveTextContent('2');
    expect(screen.getByTestId('monitoring-offline')).toHaveTextContent('1');
  });

  it('shows a state change from the WebSocket without reloading', async () => {
    const client = testQueryClient();
    client.setQueryData(queryKeys.operatorStates, rows);
    renderWithProviders(<MonitoringPage />, client);
    await screen.findByText('Алексеева Ольга');

    act(() => {
      applyServerEvent(
        client,
        {
          name: 'operator_state_changed',
          version: 1,
          id: 'e1',
          occurred_at: new Date().toISOString(),
          producer: 'queue-router',
          data: { operator_id: 'a', state: 'pause', previous_state: 'active', started_at: new Date().toISOString() },
        },
        { userId: 'admin' },
      );
    });

    await waitFor(() =>
      expect(within(rowOf('Алексеева Ольга')).getByTestId('operator-state')).toHaveTextContent('Пауза'),
    );
    expect(within(rowOf('Алексеева Ольга')).getByTestId('operator-state-time')).toHaveTextContent('00:00');
  });
});
