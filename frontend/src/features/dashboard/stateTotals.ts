/** «В линии» (O §8): all working time — talking, waiting for calls, «Не беспокоить», available, wrap-up. */
export const ON_LINE_STATES = ['active', 'dnd', 'ringing', 'talking', 'in_card', 'ringback'] as const;

export function onLineSeconds(states: readonly { state: string; seconds: number }[]): number {
  return states
    .filter((row) => (ON_LINE_STATES as readonly string[]).includes(row.state))
    .reduce((sum, row) => sum + row.seconds, 0);
}
