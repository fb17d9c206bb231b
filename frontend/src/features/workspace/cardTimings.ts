import { useEffect, useState } from 'react';

/**
 * Card pop latency (F-51): from the moment the call was answered for the operator (the server's
 * `card_opened.connected_at`, taken from the PBX event) to the card painted on screen. Both ends are
 * wall-clock epoch milliseconds, so they compare only when the browser and the server share a clock
 * (the same machine in the browser test; elsewhere clock skew adds to or hides latency).
 */
export interface CardTiming {
  callId: string;
  /** When the call was answered (server clock), or null when the message did not say. */
  answeredAt: number | null;
  /** When queue-router opened the card (server clock): answer → opened is the services' part. */
  openedAt: number | null;
  /** When the `card_opened` message reached this tab. */
  receivedAt: number;
  /** When React committed the card (before the paint), or null until then. */
  renderedAt: number | null;
  /** When the card was first painted, or null until then. */
  visibleAt: number | null;
}

declare global {
  interface Window {
    __obzvonCardTimings?: CardTiming[];
  }
}

function timings(): CardTiming[] {
  window.__obzvonCardTimings ??= [];
  return window.__obzvonCardTimings;
}

/** Wall-clock epoch milliseconds from the high-resolution monotonic clock. */
export function wallClockNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Epoch milliseconds of an ISO timestamp, or null. */
export function epochMs(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}

/** Runs `callback` once the next frame has been painted (a frame callback runs before the paint). */
export function afterPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

export function cardOpenedReceived(callId: string, answeredAt: number | null, openedAt: number | null = null): void {
  if (timings().some((t) => t.callId === callId)) return;
  timings().push({ callId, answeredAt, openedAt, receivedAt: wallClockNow(), renderedAt: null, visibleAt: null });
}

export function cardRendered(callId: string): void {
  const timing = timings().find((t) => t.callId === callId && t.renderedAt === null);
  if (timing) timing.renderedAt = wallClockNow();
}

export function cardVisible(callId: string): void {
  const timing = timings().find((t) => t.callId === callId && t.visibleAt === null);
  if (timing) timing.visibleAt = wallClockNow();
}

/**
 * False until the component's first paint while `shown`, then true: parts a first glance does not
 * need wait (for a card drawn hidden in advance, until it has been shown).
 */
export function usePainted(shown = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (shown && !painted ? afterPaint(() => setPainted(true)) : undefined), [shown, painted]);
  return painted;
}
