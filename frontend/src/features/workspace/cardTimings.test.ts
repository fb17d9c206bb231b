import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { afterPaint, cardOpenedReceived, cardVisible, epochMs, wallClockNow } from './cardTimings';

describe('card pop latency (F-51)', () => {
  it('keeps the answer time from the message and when the card became visible, once per call', () => {
    const answeredAt = Date.now() - 40;
    cardOpenedReceived('call-9', answeredAt);
    cardOpenedReceived('call-9', null);
    cardVisible('call-9');
    const timings = (window.__obzvonCardTimings ?? []).filter((t) => t.callId === 'call-9');
    expect(timings).toHaveLength(1);
    expect(timings[0]?.answeredAt).toBe(answeredAt);
    expect(timings[0]?.visibleAt).toBeGreaterThanOrEqual(timings[0]?.receivedAt ?? Infinity);
    expect((timings[0]?.visibleAt ?? 0) - answeredAt).toBeGreaterThanOrEqual(40);
  });

  it('ignores a card shown without a card_opened message (reload)', () => {
    cardVisible('call-10');
    expect(window.__obzvonCardTimings?.some((t) => t.callId === 'call-10')).toBe(false);
  });

  it('reads the server time as epoch milliseconds and the browser time on the same wall clock', () => {
    expect(epochMs('2026-03-01T09:00:00.250000Z')).toBe(Date.UTC(2026, 2, 1, 9, 0, 0, 250));
    expect(epochMs(null)).toBeNull();
    expect(epochMs('not a time')).toBeNull();
    expect(Math.abs(wallClockNow() - Date.now())).toBeLessThan(1000);
  });

  it('records the paint after the next frame, and not at all when cancelled', async () => {
    const painted = vi.fn();
    const cancelled = vi.fn();
    afterPaint(painted);
    afterPaint(cancelled)();
    expect(painted).not.toHaveBeenCalled();
    await waitFor(() => expect(painted).toHaveBeenCalledTimes(1));
    expect(cancelled).not.toHaveBeenCalled();
  });
});
