/**
 * Card pop latency in the workspace test (F-51): from the answer (`card_opened.connected_at`, the PBX
 * event's time) to the card's first paint, from the timings the SPA keeps per call.
 */

import type { CardTiming as Timing } from '../src/features/workspace/cardTimings';

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** p95 of `to - from` over the timings that have both. */
function p95Between(timings: Timing[], from: keyof Timing, to: keyof Timing): number {
  const spans = timings.flatMap((t) =>
    typeof t[from] === 'number' && typeof t[to] === 'number' ? [(t[to] as number) - (t[from] as number)] : [],
  );
  return round(percentile(spans, 0.95));
}

/** Answer → card visible, with the p95 of each leg: the services (dialer, queue-router), delivery
 * (outbox, RabbitMQ, gateway, /ws), React's render, the wait for the paint. */
export function latencyReport(timings: Timing[]) {
  const done = timings.filter((t) => t.answeredAt !== null && t.visibleAt !== null);
  const total = done.map((t) => (t.visibleAt ?? 0) - (t.answeredAt ?? 0));
  return {
    measured: 'answer (card_opened.connected_at, PBX event time) -> card painted (browser), same machine',
    calls: total.length,
    cards_without_answer_time: timings.filter((t) => t.answeredAt === null).length,
    p50_ms: round(percentile(total, 0.5)),
    p95_ms: round(percentile(total, 0.95)),
    max_ms: round(Math.max(...total)),
    legs_p95_ms: {
      answer_to_card_opened: p95Between(done, 'answeredAt', 'openedAt'),
      card_opened_to_message: p95Between(done, 'openedAt', 'receivedAt'),
      message_to_render: p95Between(done, 'receivedAt', 'renderedAt'),
      render_to_paint: p95Between(done, 'renderedAt', 'visibleAt'),
    },
    goal_ms: 100,
    calls_ms: total.map(round),
  };
}
