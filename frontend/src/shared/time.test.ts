import { describe, expect, it } from 'vitest';
import { elapsedSince, formatElapsed } from './time';

describe('formatElapsed', () => {
  it('formats minutes and seconds, and hours from one hour on', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(4 * 60_000 + 53_000)).toBe('04:53');
    expect(formatElapsed(3_600_000 + 2 * 60_000 + 5_000)).toBe('1:02:05');
  });

  it('never shows a negative time (server clock ahead of ours)', () => {
    expect(formatElapsed(-5_000)).toBe('00:00');
  });
});

describe('elapsedSince', () => {
  it('measures from an ISO UTC timestamp', () => {
    expect(elapsedSince('2026-01-10T09:00:00Z', Date.parse('2026-01-10T09:01:30Z'))).toBe(90_000);
  });

  it('returns null for a missing or unreadable timestamp', () => {
    expect(elapsedSince('not a date', Date.now())).toBeNull();
    expect(elapsedSince(null, Date.now())).toBeNull();
  });
});
