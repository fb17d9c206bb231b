/** Envelope of a domain event as the gateway forwards it (see DESIGN.md "Events"). */
export interface ServerEvent<D = Record<string, unknown>> {
  name: string;
  version: number;
  id: string;
  occurred_at: string;
  producer: string;
  data: D;
}

export type ServerMessage = { type: 'event'; event: ServerEvent } | { type: 'pong' };

export const PING_MESSAGE = JSON.stringify({ type: 'ping' });

/** Close code the gateway uses when the session is not (or no longer) valid. */
export const CLOSE_UNAUTHORIZED = 4401;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isServerEvent(value: unknown): value is ServerEvent {
  return isRecord(value) && typeof value.name === 'string' && isRecord(value.data);
}

/** Parses one WebSocket frame; anything unknown or malformed yields null and is ignored. */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  if (message.type === 'pong') return { type: 'pong' };
  if (message.type === 'event' && isServerEvent(message.event)) return { type: 'event', event: message.event };
  return null;
}
