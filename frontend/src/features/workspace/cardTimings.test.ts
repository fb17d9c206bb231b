import { describe, expect, it } from 'vitest';
import { cardOpenedReceived, cardVisible } from './cardTimings';

describe('card pop latency', () => {
  it('records when card_opened arrived and when the card became visible, once per call', () => {
    cardOpenedReceived('call-9');
    cardOpenedReceived('call-9');
    cardVisible('call-9');
    const timings = (window.__obzvonCardTimings ?? []).filter((t) => t.callId === 'call-9');
    expect(timings).toHaveLength(1);
    expect(timings[0]?.visibleAt).toBeGreaterThanOrEqual(timings[0]?.receivedAt ?? Infinity);
  });

  it('ignores a card shown without a card_opened message (reload)', () => {
    cardVisible('call-10');
    expect(window.__obzvonCardTimings?.some((t) => t.callId === 'call-10')).toBe(false);
  });
});
