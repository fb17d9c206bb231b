import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/api/queryKeys';
import { FakeSocket } from '@/test/fakeSocket';
import { testQueryClient } from '@/test/render';
import { ReadyState } from './socketLib';
import { useLiveEvents } from './useLiveEvents';

const PING = JSON.stringify({ type: 'ping' });

function setup() {
  const client = testQueryClient();
  const onSessionRevoked = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useLiveEvents({ userId: 'u1', onSessionRevoked }), { wrapper });
  return { client, hook, onSessionRevoked };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useLiveEvents', () => {
  it('pings every 10 s even while events keep arriving (keeps the operator online)', async () => {
    const { hook } = setup();
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(hook.result.current).toBe(ReadyState.OPEN);
    const socket = FakeSocket.latest();

    for (let second = 1; second <= 30; second += 1) {
      act(() =>
        socket.receive({
          type: 'event',
          event: { name: 'call_answered', version: 1, id: `e${second}`, occurred_at: '', producer: 'x', data: {} },
        }),
      );
      await act(() => vi.advanceTimersByTimeAsync(1000));
    }
    expect(socket.sent.filter((frame) => frame === PING).length).toBeGreaterThanOrEqual(3);
  });

  it('reconnects after a drop and refetches live data to catch up', async () => {
    const { client, hook } = setup();
    client.setQueryData(queryKeys.operatorStates, []);
    await act(() => vi.advanceTimersByTimeAsync(10));
    act(() => FakeSocket.latest().close(1006));
    expect(hook.result.current).toBe(ReadyState.CLOSED);

    await act(() => vi.advanceTimersByTimeAsync(1100));
    expect(FakeSocket.instances).toHaveLength(2);
    expect(hook.result.current).toBe(ReadyState.OPEN);
    expect(client.getQueryState(queryKeys.operatorStates)?.isInvalidated).toBe(true);
  });

  it('does not reconnect after close code 4401 and reports the lost session', async () => {
    const { onSessionRevoked } = setup();
    await act(() => vi.advanceTimersByTimeAsync(10));
    act(() => FakeSocket.latest().close(4401));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(FakeSocket.instances).toHaveLength(1);
    expect(onSessionRevoked).toHaveBeenCalledTimes(1);
  });

  it('reports a session_revoked event', async () => {
    const { onSessionRevoked } = setup();
    await act(() => vi.advanceTimersByTimeAsync(10));
    act(() =>
      FakeSocket.latest().receive({
        type: 'event',
        event: { name: 'session_revoked', version: 1, id: 'e', occurred_at: '', producer: 'g', data: {} },
      }),
    );
    expect(onSessionRevoked).toHaveBeenCalledTimes(1);
  });
});
