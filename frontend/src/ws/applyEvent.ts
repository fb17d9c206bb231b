import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/api/queryKeys';
import type { Notification, OperatorState } from '@/api/types';
import { addNotification, asNotificationCreated, notificationFromEvent } from '@/features/notifications/cache';
import {
  applyStateChange,
  applyStateChangeToList,
  asStateChange,
  type StateChange,
} from '@/features/operator-state/cache';
import type { ServerEvent } from './messages';

export type EventOutcome =
  | { kind: 'ignored' }
  | { kind: 'applied' }
  | { kind: 'notification'; notification: Notification }
  | { kind: 'session_revoked' };

interface Context {
  /** The logged-in user's id, to skip notifications addressed to someone else. */
  userId: string | number | null;
}

function onStateChanged(client: QueryClient, change: StateChange): EventOutcome {
  let applied = false;
  client.setQueryData<OperatorState>(queryKeys.myState, (own) => {
    if (!own) return own;
    const next = applyStateChange(own, change);
    applied ||= next !== own;
    return next;
  });
  const rows = client.getQueryData<OperatorState[]>(queryKeys.operatorStates);
  if (rows) {
    const next = applyStateChangeToList(rows, change);
    if (next === null) {
      // An operator we do not list yet (new, or just put into one of our groups): reload the list.
      void client.invalidateQueries({ queryKey: queryKeys.operatorStates });
    } else if (next !== rows) {
      client.setQueryData(queryKeys.operatorStates, next);
      applied = true;
    }
  }
  return applied ? { kind: 'applied' } : { kind: 'ignored' };
}

function onNotificationCreated(client: QueryClient, event: ServerEvent, ctx: Context): EventOutcome {
  const data = asNotificationCreated(event.data);
  if (!data) return { kind: 'ignored' };
  if (ctx.userId !== null && String(data.user_id) !== String(ctx.userId)) return { kind: 'ignored' };
  const notification = notificationFromEvent(data, event.occurred_at);
  const list = client.getQueryData<Notification[]>(queryKeys.notifications);
  if (list) {
    const next = addNotification(list, notification);
    if (next === list) return { kind: 'ignored' };
    client.setQueryData(queryKeys.notifications, next);
  } else {
    void client.invalidateQueries({ queryKey: queryKeys.notifications });
  }
  return { kind: 'notification', notification };
}

/** Feeds one server event into the query caches; the caller reacts to the outcome (toast, logout). */
export function applyServerEvent(client: QueryClient, event: ServerEvent, ctx: Context): EventOutcome {
  switch (event.name) {
    case 'operator_state_changed': {
      const change = asStateChange(event.data);
      return change ? onStateChanged(client, change) : { kind: 'ignored' };
    }
    case 'notification_created':
      return onNotificationCreated(client, event, ctx);
    case 'session_revoked':
      return { kind: 'session_revoked' };
    default:
      return { kind: 'ignored' };
  }
}
