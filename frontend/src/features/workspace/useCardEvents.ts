import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { useWebSocket } from '@/ws/socketLib';
import { wsUrl } from '@/ws/connection';
import { parseServerMessage } from '@/ws/messages';
import { workspaceKeys } from './api';
import { cardFromMessage } from './cardPop';
import { afterPaint, cardOpenedReceived, epochMs } from './cardTimings';
import { clearPoppedCard, poppedCard, popOnce, prepareCard, ringingEnded } from './poppedCard';
import type { Card } from './types';

const refetchCard = (client: QueryClient) => client.refetchQueries({ queryKey: workspaceKeys.currentCard });

/** Resolves after the next paint, or after `ms` in a background tab (which does not paint). */
function nextPaint(ms = 500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    afterPaint(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Pops the card from `card_opened` at once: it is rendered before this returns (poppedCard), then,
 * once it is on screen, the full card (the script) is fetched. A call's card pops once: the gateway
 * sends `card_opened` when the call is connected and queue-router again once it has recorded it; the
 * second only refetches. A fetch of an earlier state still in flight is cancelled first, so it cannot
 * overwrite the new card. The popped card gives way once the server's card is the same call.
 */
async function popCard(client: QueryClient, card: Card | null): Promise<void> {
  if (card && !wasShown(client, card.call_id) && flushSync(() => popOnce(card))) {
    await client.cancelQueries({ queryKey: workspaceKeys.currentCard });
    // The very card popped (maybe the one prepared while the call rang): nothing to draw again.
    client.setQueryData(workspaceKeys.currentCard, poppedCard() ?? card);
  }
  // Whichever message this is, the popped card is painted before the fuller one is drawn over it.
  await nextPaint();
  await refetchCard(client);
  const shown = poppedCard();
  if (shown && wasShown(client, shown.call_id)) clearPoppedCard(shown.call_id);
}

/** Whether the card query already holds this call (it popped earlier, or came with a reload). */
function wasShown(client: QueryClient, callId: string): boolean {
  return client.getQueryData<Card | null>(workspaceKeys.currentCard)?.call_id === callId;
}

/**
 * Listens on the tab's shared WebSocket for `card_prepared` (a call rings: its card is drawn hidden),
 * `card_opened` (the card pops, F-51), `operator_state_changed` (the ring is over: a card drawn for it
 * and not popped goes) and `card_saved` (another tab saved it). The shell's subscriber
 * owns heartbeat and reconnects; this one only reads.
 */
export function useCardEvents(enabled: boolean): void {
  const client = useQueryClient();
  useWebSocket(
    wsUrl(),
    {
      share: true,
      disableJson: true,
      filter: () => false,
      shouldReconnect: () => true,
      reconnectAttempts: Number.POSITIVE_INFINITY,
      onOpen: () => void client.invalidateQueries({ queryKey: workspaceKeys.currentCard }),
      onMessage: (event) => {
        const message = parseServerMessage(event.data);
        if (message?.type !== 'event') return;
        const { name, data } = message.event;
        if (name === 'card_prepared') {
          const card = cardFromMessage(data);
          (window as unknown as { __prep: unknown[] }).__prep ??= [];
          (window as unknown as { __prep: unknown[] }).__prep.push([
            data.call_id,
            performance.timeOrigin + performance.now(),
          ]);
          if (card) prepareCard(card);
        } else if (name === 'card_opened') {
          if (typeof data.call_id === 'string') {
            cardOpenedReceived(data.call_id, epochMs(data.connected_at), epochMs(data.opened_at));
          }
          void popCard(client, cardFromMessage(data));
        } else if (name === 'operator_state_changed') {
          // An operator's socket gets their own state changes only.
          if (typeof data.state === 'string') ringingEnded(data.state, data.call_id);
        } else if (name === 'card_saved') {
          if (typeof data.call_id === 'string') clearPoppedCard(data.call_id);
          void refetchCard(client);
        }
      },
    },
    enabled,
  );
}
