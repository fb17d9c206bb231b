import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  clearPoppedCard,
  poppedCard,
  popOnce,
  prepareCard,
  ringingEnded,
  shownCard,
  usePreparedCard,
} from './poppedCard';
import type { Card } from './types';

const card = (callId: string, script = ''): Card => ({
  call_id: callId,
  project_id: 'p1',
  state: 'talking',
  contact: null,
  template: [],
  result_statuses: [],
  script_html: script,
});

describe('the popped card bridges the message and the card query (F-51)', () => {
  it('shows the popped card until the query holds the same call, then the fuller one from the query', () => {
    const popped = card('c2');
    expect(shownCard(popped, null)).toBe(popped);
    expect(shownCard(popped, card('c1'))).toBe(popped); // the query still has the saved card's state
    const fetched = card('c2', '<p>Скрипт</p>');
    expect(shownCard(popped, fetched)).toBe(fetched);
    expect(shownCard(null, fetched)).toBe(fetched);
    expect(shownCard(null, null)).toBeNull();
  });

  it('clears only the call it is told, so a newer pop stays', () => {
    expect(popOnce(card('c1'))).toBe(true);
    expect(popOnce(card('c2'))).toBe(true);
    clearPoppedCard('c1');
    expect(poppedCard()?.call_id).toBe('c2');
    clearPoppedCard('c2');
    expect(poppedCard()).toBeNull();
  });

  it('pops a call once: the second card_opened of the call (or a late one) does not bring it back', () => {
    expect(popOnce(card('c3'))).toBe(true);
    clearPoppedCard('c3'); // saved
    expect(popOnce(card('c3'))).toBe(false);
    expect(poppedCard()).toBeNull();
  });

  it('pops the card prepared while the call rang, the very object already drawn', () => {
    const prepared = card('c4');
    prepareCard(prepared);
    expect(popOnce(card('c4'))).toBe(true);
    expect(poppedCard()).toBe(prepared);
  });

  it('drops a prepared card when another call pops, and prepares nothing for a call that popped', () => {
    prepareCard(card('c5')); // offered, answered by someone else
    const other = card('c6');
    expect(popOnce(other)).toBe(true);
    expect(poppedCard()).toBe(other);
    prepareCard(card('c6')); // late: the call's card is on screen already
    clearPoppedCard('c6');
    expect(popOnce(card('c7'))).toBe(true);
    expect(poppedCard()?.call_id).toBe('c7');
  });

  it('forgets a prepared card when the ring ends without the call coming to this operator', () => {
    const { result } = renderHook(() => usePreparedCard());
    act(() => prepareCard(card('c8')));
    act(() => ringingEnded('ringing', 'c8'));
    act(() => ringingEnded('talking', 'c8')); // answered: its card_opened is on the way
    expect(result.current?.call_id).toBe('c8');
    act(() => ringingEnded('active', null)); // another operator took it
    expect(result.current).toBeNull();
    expect(popOnce(card('c8'))).toBe(true); // had it come after all, it would pop from the message
  });
});
