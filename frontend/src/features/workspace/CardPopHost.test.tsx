import { act, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '@/test/fakeSocket';
import { renderWithProviders } from '@/test/render';
import { workspaceKeys } from './api';
import { cardFromMessage, keptCards } from './cardPop';
import { CardPopHost } from './CardPopHost';
import { clearPoppedCard } from './poppedCard';
import type { Card } from './types';

const REAL_NUMBER = '79103905529';
const connectedAt = new Date(Date.now() - 30).toISOString();

/** `card_opened` as queue-router writes it for a project that hides numbers. */
const message = {
  operator_id: 'op1',
  call_id: 'call-pop',
  project_id: 'p1',
  contact_id: 'c1',
  phone: '*********29',
  connected_at: connectedAt,
  contact: {
    id: 'c1',
    phone: '*********29',
    phone_hidden: true,
    full_name: 'Петрова Анна',
    email: null,
    position: null,
    city: 'Екатеринбург',
    address: null,
    description: null,
    region: null,
    birth_date: null,
    timezone: 'Asia/Yekaterinburg',
    custom_fields: {},
    result_status_id: null,
  },
  template: [],
  result_statuses: [{ id: 's1', name: 'Согласие', colour: '#0a0' }],
};

function json(status: number, body?: unknown): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** The server: no card before the call; a card request after it hangs until `release`. */
function server() {
  let called = false;
  let cardRequests = 0;
  let release: (card: Card) => void = () => undefined;
  const full = new Promise<Card>((resolve) => {
    release = resolve;
  });
  const fetch = vi.fn(async (request: Request) => {
    if (request.url.includes('/api/cards/current')) {
      if (!called) return json(404, { status: 404, title: 'Not found' });
      cardRequests += 1;
      return json(200, await full);
    }
    if (request.url.includes('/api/tasks') || request.url.includes('/calls')) return json(200, []);
    return json(404, { status: 404, title: 'Not found' });
  });
  return {
    fetch,
    call: () => {
      called = true;
    },
    release: (card: Card) => release(card),
    cardRequests: () => cardRequests,
  };
}

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
});

afterEach(() => vi.unstubAllGlobals());

describe('the card pops from card_opened (F-51)', () => {
  it(
    'draws the card from the message before the card request answers, never with the real number',
    { timeout: 20_000 },
    async () => {
      const api = server();
      vi.stubGlobal('fetch', api.fetch);
      const { client } = renderWithProviders(
        <App>
          <CardPopHost />
        </App>,
      );
      await waitFor(() => expect(FakeSocket.latest().readyState).toBe(FakeSocket.OPEN));
      await waitFor(() => expect(client.getQueryState(workspaceKeys.currentCard)?.fetchStatus).toBe('idle'));
      expect(client.getQueryData(workspaceKeys.currentCard)).toBeNull();

      api.call();
      // The card is rendered while the message is handled, before anything else runs.
      FakeSocket.latest().receive({
        type: 'event',
        event: { name: 'card_opened', version: 1, id: 'e1', occurred_at: connectedAt, producer: 'x', data: message },
      });
      const body = screen.getByTestId('client-card-body');
      expect(body).toHaveAttribute('data-call-id', 'call-pop');
      await waitFor(() => expect(api.cardRequests()).toBe(1)); // asked for once painted, still unanswered
      expect(screen.getByTestId('card-phone')).toHaveValue('*********29');
      expect(document.body.innerHTML).not.toContain(REAL_NUMBER);
      expect(screen.getByTestId('card-field-full_name').querySelector('input')).toHaveValue('Петрова Анна');

      const timing = window.__obzvonCardTimings?.find((t) => t.callId === 'call-pop');
      expect(timing?.answeredAt).toBe(Date.parse(connectedAt));
      await waitFor(() => expect(timing?.visibleAt).not.toBeNull());

      const popped = cardFromMessage(message);
      expect(popped).not.toBeNull();
      act(() => api.release({ ...(popped as Card), state: 'talking', script_html: '<p>Добрый день</p>' }));
      await waitFor(() =>
        expect(client.getQueryData<Card>(workspaceKeys.currentCard)?.script_html).toBe('<p>Добрый день</p>'),
      );
      expect(screen.getByTestId('client-card-body')).toHaveAttribute('data-call-id', 'call-pop');
    },
  );

  it('keeps the card popped by the gateway while the server has not recorded the call yet', async () => {
    let recorded = false;
    const late = { ...message, call_id: 'call-late' };
    const popped = cardFromMessage(late) as Card;
    const fetch = vi.fn(async (request: Request) => {
      if (request.url.includes('/api/cards/current')) {
        return recorded
          ? json(200, { ...popped, script_html: '<p>Скрипт</p>' })
          : json(404, { status: 404, title: 'x' });
      }
      return json(200, []);
    });
    vi.stubGlobal('fetch', fetch);
    const { client } = renderWithProviders(
      <App>
        <CardPopHost />
      </App>,
    );
    await waitFor(() => expect(FakeSocket.latest().readyState).toBe(FakeSocket.OPEN));
    const opened = (id: string) =>
      act(() =>
        FakeSocket.latest().receive({
          type: 'event',
          event: { name: 'card_opened', version: 1, id, occurred_at: connectedAt, producer: 'x', data: late },
        }),
      );
    opened('from-gateway');
    await waitFor(() => expect(client.getQueryState(workspaceKeys.currentCard)?.data).toBeNull());
    expect(screen.getByTestId('client-card-body')).toHaveAttribute('data-call-id', 'call-late');

    recorded = true;
    opened('from-queue-router');
    await waitFor(() =>
      expect(client.getQueryData<Card>(workspaceKeys.currentCard)?.script_html).toBe('<p>Скрипт</p>'),
    );
    expect(screen.getAllByTestId('client-card-body')).toHaveLength(1);
    expect(window.__obzvonCardTimings?.filter((t) => t.callId === 'call-late')).toHaveLength(1);
  });

  it('draws the card hidden while the call rings and shows that same card at the answer', async () => {
    vi.stubGlobal('fetch', server().fetch);
    renderWithProviders(
      <App>
        <CardPopHost />
      </App>,
    );
    await waitFor(() => expect(FakeSocket.latest().readyState).toBe(FakeSocket.OPEN));
    const ringing = { ...message, call_id: 'call-ring' };
    const receive = (name: string, data: Record<string, unknown>) =>
      act(() =>
        FakeSocket.latest().receive({
          type: 'event',
          event: { name, version: 1, id: name, occurred_at: connectedAt, producer: 'x', data },
        }),
      );
    receive('card_prepared', ringing);
    const drawn = document.querySelector<HTMLElement>('[data-call-id="call-ring"]');
    expect(drawn).not.toBeNull();
    expect(drawn).not.toBeVisible();
    expect(screen.queryByTestId('client-card-body')).toBeNull();

    receive('card_opened', ringing);
    expect(screen.getByTestId('client-card-body')).toHaveAttribute('data-call-id', 'call-ring');
    expect(document.querySelector('[data-call-id="call-ring"]')).toBe(drawn); // not drawn again
    expect(drawn).toBeVisible();
    act(() => clearPoppedCard('call-ring')); // saved: the next test starts with no card
  });

  it('keeps an empty card mounted, hidden, before the first card pops, and asks nothing for it', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <App>
        <CardPopHost />
      </App>,
    );
    await waitFor(() => expect(document.querySelector('[data-call-id=""]')).not.toBeNull());
    expect(screen.queryByTestId('client-card-body')).toBeNull();
    const asked = api.fetch.mock.calls.map(([request]) => new URL(request.url).pathname);
    expect(asked.every((path) => path === '/api/cards/current')).toBe(true);
  });

  it('falls back to fetching the card for a message without its parts', () => {
    expect(cardFromMessage({ call_id: 'x', project_id: 'p' })).toBeNull();
    expect(cardFromMessage({ ...message, contact: 'nope' })).toBeNull();
    expect(cardFromMessage({ ...message, contact: null })?.contact).toBeNull();
  });

  it('keeps the last card mounted, hidden, until the next one is shown, and no more', () => {
    const first = cardFromMessage(message) as Card;
    const refreshed = { ...first, script_html: '<p>Скрипт</p>' };
    const second = { ...first, call_id: 'call-2' };
    expect(keptCards([], first)).toEqual([first]);
    expect(keptCards([first], refreshed)).toEqual([refreshed]);
    expect(keptCards([first], null)).toEqual([first]);
    expect(keptCards([first], second)).toEqual([first, second]);
    expect(keptCards([first, second], null)).toEqual([second]);
  });
});
