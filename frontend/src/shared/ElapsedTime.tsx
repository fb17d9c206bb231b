import { elapsedSince, formatElapsed } from './time';
import { useNow } from './useNow';

interface Props {
  /** Start of the span (ISO UTC); unknown starts show a dash. */
  since: string | null | undefined;
  testId?: string;
}

/** "Time in state" for a given moment; tables pass one shared `now` to all rows. */
export function ElapsedTime({ since, now, testId }: Props & { now: number }) {
  const elapsed = elapsedSince(since, now);
  return (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {elapsed === null ? '—' : formatElapsed(elapsed)}
    </span>
  );
}

/** A standalone counter that ticks every second. */
export function LiveElapsedTime(props: Props) {
  const now = useNow(1000);
  return <ElapsedTime {...props} now={now} />;
}
