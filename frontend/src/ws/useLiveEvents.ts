import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ReadyState, useWebSocket } from './socketLib';
import { queryKeys } from '@/api/queryKeys';
import type { Notification } from '@/api/types';
import { applyServerEvent } from './applyEvent';
import { HEARTBEAT_INTERVAL_MS, reconnectDelay, SILENCE_TIMEOUT_MS, wsUrl } from './connection';
import { CLOSE_UNAUTHORIZED, parseServerMessage, PING_MESSAGE } from './messages';

interface Options {
  userId: string | number;
  onNotification?: (notification: Notification) => void;
  onSessionRevoked: () => void;
}

/**
 * The tab's one WebSocket (shared by every subscriber). Server events go straight into the
 * query caches; after a reconnect the live queries are refetched to catch up on missed events.
 */
export function useLiveEvents({ userId, onNotification, onSessionRevoked }: Options): ReadyState {
  const client = useQueryClient();
  const hasBeenOpen = useRef(false);
  const revoked = useRef(false);

  const revoke = () => {
    if (revoked.current) return;
    revoked.current = true;
    onSessionRevoked();
  };

  const { sendMessage, readyState } = useWebSocket(wsUrl(), {
    share: true,
    disableJson: true,
    // Events are handled in onMessage; keeping them out of React state avoids a render per frame.
    filter: () => false,
    shouldReconnect: (event) => event.code !== CLOSE_UNAUTHORIZED && !revoked.current,
    reconnectAttempts: Number.POSITIVE_INFINITY,
    reconnectInterval: reconnectDelay,
    // The library's heartbeat only watches for silence here; pings are sent below on a fixed beat.
    heartbeat: { message: PING_MESSAGE, interval: HEARTBEAT_INTERVAL_MS, timeout: SILENCE_TIMEOUT_MS },
    onOpen: () => {
      if (hasBeenOpen.current) {
        void client.invalidateQueries({ queryKey: queryKeys.myState });
        void client.invalidateQueries({ queryKey: queryKeys.operatorStates });
        void client.invalidateQueries({ queryKey: queryKeys.notifications });
      }
      hasBeenOpen.current = true;
    },
    onClose: (event) => {
      if (event.code === CLOSE_UNAUTHORIZED) revoke();
      // A handshake refused over HTTP arrives as a plain close: re-check the session, so an
      // expired one leads to the login page instead of endless reconnects.
      else void client.invalidateQueries({ queryKey: queryKeys.me });
    },
    onMessage: (event) => {
      const message = parseServerMessage(event.data);
      if (message?.type !== 'event') return;
      try {
        const outcome = applyServerEvent(client, message.event, { userId });
        if (outcome.kind === 'session_revoked') revoke();
        if (outcome.kind === 'notification') onNotification?.(outcome.notification);
      } catch (error) {
        console.error('Failed to apply a server event', message.event.name, error);
      }
    },
  });

  // A ping every 10 s whatever else flows, so the gateway keeps the operator online.
  useEffect(() => {
    if (readyState !== ReadyState.OPEN) return undefined;
    const timer = window.setInterval(() => sendMessage(PING_MESSAGE), HEARTBEAT_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [readyState, sendMessage]);

  return readyState;
}
