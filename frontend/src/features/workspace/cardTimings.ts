/** Card pop latency: from the `card_opened` message to the card on screen (performance.now() ms). */
export interface CardTiming {
  callId: string;
  receivedAt: number;
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

export function cardOpenedReceived(callId: string): void {
  if (timings().some((t) => t.callId === callId)) return;
  timings().push({ callId, receivedAt: performance.now(), visibleAt: null });
}

export function cardVisible(callId: string): void {
  const timing = timings().find((t) => t.callId === callId && t.visibleAt === null);
  if (timing) timing.visibleAt = performance.now();
}
