import type { Notification } from '@/api/types';

/** The part of a `notification_created` event the bell needs. */
export interface NotificationCreated {
  user_id: string | number;
  notification_id: string | number;
  kind: string;
  title: string;
  body: string;
  payload?: Record<string, unknown> | null;
}

/** Reads the fields the bell needs from an event's data; null when they are missing. */
export function asNotificationCreated(data: Record<string, unknown>): NotificationCreated | null {
  const { user_id: userId, notification_id: id, kind, title, body, payload } = data;
  const isId = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
  if (!isId(userId) || !isId(id) || typeof title !== 'string') return null;
  return {
    user_id: userId,
    notification_id: id,
    kind: typeof kind === 'string' ? kind : 'info',
    title,
    body: typeof body === 'string' ? body : '',
    payload: typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : null,
  };
}

/** Turns a `notification_created` event into a list entry (unread, created when the event occurred). */
export function notificationFromEvent(data: NotificationCreated, occurredAt: string): Notification {
  return {
    id: String(data.notification_id),
    kind: data.kind,
    title: data.title,
    body: data.body,
    created_at: occurredAt,
    read_at: null,
    payload: data.payload ?? {},
  } as Notification;
}

/** Newest first; an entry that is already there (redelivered event) is not added twice. */
export function addNotification(list: Notification[], item: Notification): Notification[] {
  if (list.some((n) => String(n.id) === String(item.id))) return list;
  return [item, ...list];
}

export function markNotificationRead(list: Notification[], id: Notification['id'], readAt: string): Notification[] {
  return list.map((n) => (String(n.id) === String(id) && !n.read_at ? { ...n, read_at: readAt } : n));
}

export function unreadCount(list: readonly Notification[] | undefined): number {
  return list ? list.filter((n) => !n.read_at).length : 0;
}
