/** Formats a duration as mm:ss, or h:mm:ss from one hour on. Negative spans (clock skew) show as 00:00. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Epoch ms of an ISO timestamp; NaN when it is absent or unreadable. */
export function parseTime(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

/** Milliseconds from an ISO timestamp to `now`; null when the timestamp is absent or unreadable. */
export function elapsedSince(iso: string | null | undefined, now: number): number | null {
  const start = parseTime(iso);
  return Number.isNaN(start) ? null : now - start;
}
