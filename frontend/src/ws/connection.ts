/** The gateway's WebSocket on the page's own origin (the session cookie authenticates it). */
export function wsUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/ws`;
}

/** The client pings this often; the pings keep an operator online. */
export const HEARTBEAT_INTERVAL_MS = 10_000;

/** With no frame at all from the server for this long, the socket is closed and reopened. */
export const SILENCE_TIMEOUT_MS = 30_000;

/** Back-off between reconnect attempts: 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 10_000);
}
