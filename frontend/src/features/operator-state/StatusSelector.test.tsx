import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/api/queryKeys';
import type { OperatorState } from '@/api/types';
import { jsonFetch, renderWithProviders, testQueryClient } from '@/test/render';
import { StatusSelector } from './StatusSelector';

const base: OperatorState = {
  operator_id: 'op-1',
  full_name: 'Иванова Анна',
  extension: '101',
  state: 'active',
  chosen_state: 'active',
  since: new Date(Date.now() - 65_000).toISOString(),
};

function renderSelector(state: OperatorState) {
  const client = testQueryClient();
  client.setQueryData(queryKeys.myState, state);
  return renderWithProviders(<StatusSelector />, client);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('StatusSelector (O §4, F-50)', () => {
  it('shows the chosen state with its running time', async () => {
    renderSelector(base);
    expect(await screen.findByTestId('status-current')).toHaveTextContent('Активно');
    expect(screen.getByTestId('status-timer')).toHaveTextContent(/^01:0\d$/);
    expect(screen.queryByTestId('status-system')).not.toBeInTheDocument();
  });

  it('sends the picked state with the CSRF token and shows the saved state', async () => {
    document.cookie = 'obzvon_csrf=tok-1';
    const saved = { ...base, state: 'pause', chosen_state: 'pause', since: new Date().toISOString() };
    const server = jsonFetch(() => ({ status: 200, body: saved }));
    vi.stubGlobal('fetch', server.fetch);
    renderSelector(base);

    await userEvent.click(await screen.findByTestId('status-selector'));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Пауза' }));

    await waitFor(() => expect(screen.getByTestId('status-current')).toHaveTextContent('Пауза'));
    const request = server.requests[0];
    expect(request?.method).toBe('PUT');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/operators/me/state');
    expect(request?.headers.get('X-CSRF-Token')).toBe('tok-1');
    expect(await request?.json()).toEqual({ state: 'pause' });
  });

  it("shows a system state read-only beside the operator's choice", async () => {
    renderSelector({ ...base, state: 'talking', chosen_state: 'dnd' });
    expect(await screen.findByTestId('status-system')).toHaveTextContent('В разговоре');
    expect(screen.getByTestId('status-current')).toHaveTextContent('Не беспокоить');
  });

  it('tells the user why a change was refused', async () => {
    const problem = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Сначала сохраните карточку' };
    vi.stubGlobal('fetch', jsonFetch(() => ({ status: 409, body: problem })).fetch);
    renderSelector({ ...base, state: 'in_card', chosen_state: 'active' });

    await userEvent.click(await screen.findByTestId('status-selector'));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Пауза' }));

    expect(await screen.findByText('Сначала сохраните карточку')).toBeInTheDocument();
    expect(screen.getByTestId('status-system')).toHaveTextContent('В карточке');
  });
});
