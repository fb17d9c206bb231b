import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useWebSocket } from '@/ws/socketLib';
import { wsUrl } from '@/ws/connection';
import { parseServerMessage } from '@/ws/messages';
import { workspaceKeys } from './api';
import { cardFromMessage } from './cardPop';
import { afterPaint, cardOpenedReceived, epochMs } from './cardTimings';

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
 * Pops the card from `card_opened` at once, then, once it is on screen, fetches the full card (the
 * script). A fetch of the previous state still in flight is cancelled first, so it cannot overwrite
 * the new card.
 */
async function popCard(client: QueryClient, data: Record<string, unknown>): Promise<void> {
  const card = cardFromMessage(data);
  if (card) {
    await client.cancelQueries({ queryKey: workspaceKeys.currentCard });
    client.setQueryData(workspaceKeys.currentCard, card);
    await nextPaint();
  }
  await refetchCard(client);
}

/**
 * Listens on the tab's shared WebSocket for `card_opened` (the card pops, F-51) and `card_saved`
 * (another tab saved it). The shell's subscriber owns heartbeat and reconnects; this one only reads.
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
        if (name === 'card_opened') {
          if (typeof data.call_id === 'string') {
            cardOpenedReceived(data.call_id, epochMs(data.connected_at), epochMs(data.opened_at));
          }
          void popCard(client, data);
        } else if (name === 'card_saved') {
          void refetchCard(client);
        }
      },
    },
    enabled,
  );
}
