import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me, OperatorState } from '@/api/types';
import { App } from './App';
import { FakeSocket } from './test/fakeSocket';
import { jsonFetch, renderWithProviders, testQueryClient } from './test/render';

const operator: Me = {
  id: 'u-op',
  email: 'operator1@obzvon.local',
  full_name: 'Оператор Первый',
  role: 'operator',
  extension: '101',
  locale: 'ru',
};
const myState: OperatorState = {
  operator_id: 'u-op',
  full_name: 'Оператор Первый',
  extension: '101',
  state: 'active',
  chosen_state: 'active',
  since: new Date().toISOString(),
};

/** A gateway with one operator account; `loggedIn` flips on a successful login. */
function fakeGateway() {
  let loggedIn = false;
  return jsonFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/auth/me')
      return loggedIn ? { status: 200, body: operator } : { status: 401, body: { status: 401, title: 'Unauthorized' } };
    if (path === '/api/auth/login') {
      loggedIn = true;
      return { status: 200, body: operator };
    }
    if (path === '/api/operators/me/state') return { status: 200, body: myState };
    if (path === '/api/notifications') return { status: 200, body: [] };
    return { status: 404, body: { status: 404, title: 'Not Found' } };
  });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function logInAsOperator() {
  vi.stubGlobal('fetch', fakeGateway().fetch);
  renderWithProviders(<App queryClient={testQueryClient()} />);
  await userEvent.type(await screen.findByTestId('login-email'), operator.email);
  await userEvent.type(screen.getByTestId('login-password'), 'secret');
  await userEvent.click(screen.getByTestId('login-submit'));
  expect(await screen.findByTestId('page-title')).toHaveTextContent('Дашборд');
}

describe('App shell (F-01, F-03)', () => {
  it('asks to log in without a session and lands on the dashboard after login', async () => {
    await logInAsOperator();
    expect(window.location.pathname).toBe('/dashboard');
    expect(screen.getByTestId('menu-workplace')).toBeInTheDocument();
    expect(screen.queryByTestId('menu-monitoring')).not.toBeInTheDocument();
    expect(await screen.findByTestId('status-current')).toHaveTextContent('Активно');
  });

  it('opens one WebSocket to /ws and applies live state changes to the status selector', async () => {
    await logInAsOperator();
    await screen.findByTestId('status-current');
    await waitFor(() => expect(FakeSocket.latest().readyState).toBe(FakeSocket.OPEN));
    expect(FakeSocket.instances).toHaveLength(1);
    expect(FakeSocket.latest().url).toBe('ws://127.0.0.1:5173/ws');

    act(() =>
      FakeSocket.latest().receive({
        type: 'event',
        event: {
          name: 'operator_state_changed',
          version: 1,
          id: 'e1',
          occurred_at: new Date().toISOString(),
          producer: 'queue-router',
          data: {
            operator_id: 'u-op',
            state: 'talking',
            previous_state: 'active',
            started_at: new Date().toISOString(),
          },
        },
      }),
    );
    expect(await screen.findByTestId('status-system')).toHaveTextContent('В разговоре');
  });

  it('goes back to the login page when the server closes the socket with 4401', async () => {
    await logInAsOperator();
    await waitFor(() => expect(FakeSocket.latest().readyState).toBe(FakeSocket.OPEN));
    act(() => FakeSocket.latest().close(4401, 'session revoked'));
    expect(await screen.findByTestId('login-submit')).toBeInTheDocument();
    expect(FakeSocket.instances).toHaveLength(1);
  });
});
