import { useQueryClient } from '@tanstack/react-query';
import { useWebSocket } from '@/ws/socketLib';
import { wsUrl } from '@/ws/connection';
import { parseServerMessage } from '@/ws/messages';
import { workspaceKeys } from './api';
import { cardOpenedReceived } from './cardTimings';

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
          if (typeof data.call_id === 'string') cardOpenedReceived(data.call_id);
          void client.refetchQueries({ queryKey: workspaceKeys.currentCard });
        } else if (name === 'card_saved') {
          void client.refetchQueries({ queryKey: workspaceKeys.currentCard });
        }
      },
    },
    enabled,
  );
}
