import { useSyncExternalStore } from 'react';
import type { Card } from './types';

/**
 * The card just drawn from a `card_opened` message, before the card query has caught up (F-51). The
 * message handler sets it inside `flushSync`, so the card renders in the same task as the message,
 * without waiting for the query cache's batched notification. It stays while the server does not know
 * the call yet (the gateway pops it before queue-router has recorded it) and is cleared once
 * `GET /api/cards/current` answers with the same call, or when the card is saved.
 */
let popped: Card | null = null;
/** The card of a call ringing for the operator (`card_prepared`), drawn hidden until it pops. */
let prepared: Card | null = null;
const listeners = new Set<() => void>();
/** The calls whose card popped lately: a call's card pops once, whichever message comes first. */
const poppedCalls: string[] = [];
const REMEMBERED_CALLS = 50;

function emit(): void {
  for (const listener of listeners) listener();
}

/**
 * Pops `card` unless its call's card popped before; returns whether it did. The card prepared for the
 * same call pops in its place: it is already drawn, so showing it is all that is left to do.
 */
export function popOnce(card: Card): boolean {
  if (poppedCalls.includes(card.call_id)) return false;
  poppedCalls.push(card.call_id);
  if (poppedCalls.length > REMEMBERED_CALLS) poppedCalls.shift();
  popped = prepared?.call_id === card.call_id ? prepared : card;
  prepared = null;
  emit();
  return true;
}

/**
 * Forgets the prepared card once the operator's phone no longer rings for its call (another operator
 * took it, or the ring timed out); the card of the call being talked is kept.
 */
export function ringingEnded(state: string, callId: unknown): void {
  if (!prepared || state === 'ringing' || (state === 'talking' && callId === prepared.call_id)) return;
  prepared = null;
  emit();
}

/** Keeps `card` to draw hidden while its call rings, unless that call's card popped already. */
export function prepareCard(card: Card): void {
  if (poppedCalls.includes(card.call_id)) return;
  prepared = card;
  emit();
}

/** Forgets the popped card of `callId` (a newer pop is kept). */
export function clearPoppedCard(callId: string): void {
  if (popped?.call_id !== callId) return;
  popped = null;
  emit();
}

export function poppedCard(): Card | null {
  return popped;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePoppedCard(): Card | null {
  return useSyncExternalStore(subscribe, poppedCard);
}

export function usePreparedCard(): Card | null {
  return useSyncExternalStore(subscribe, () => prepared);
}

/** The card on screen: the popped one until the query holds the same call (then the query's, fuller). */
export function shownCard(popped: Card | null, fetched: Card | null): Card | null {
  return popped && fetched?.call_id !== popped.call_id ? popped : fetched;
}
