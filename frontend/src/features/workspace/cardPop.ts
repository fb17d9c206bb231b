import type { Card, CardContact, CardField, ResultStatus } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The card drawn from a `card_opened` message (F-51): it carries the contact (the number already
 * masked where the project hides it), the template and the result statuses, so the card pops without
 * a round trip; the script comes with `GET /api/cards/current` right after. Null for a message
 * without the card's parts: the card is then fetched.
 */
export function cardFromMessage(data: Record<string, unknown>): Card | null {
  const { call_id, project_id, contact, template, result_statuses } = data;
  if (typeof call_id !== 'string' || typeof project_id !== 'string') return null;
  if (!Array.isArray(template) || !Array.isArray(result_statuses)) return null;
  if (contact !== null && contact !== undefined && !isRecord(contact)) return null;
  return {
    call_id,
    project_id,
    state: 'talking',
    contact: (contact ?? null) as CardContact | null,
    template: template as CardField[],
    result_statuses: result_statuses as ResultStatus[],
    script_html: '',
  };
}

/**
 * The cards to keep mounted: the current one (if any) after the last one shown, which stays mounted,
 * hidden, until the next card is on screen. antd builds a component's styles again whenever its last
 * instance unmounts; keeping one card mounted spares every card pop that work.
 */
export function keptCards(kept: readonly Card[], current: Card | null): Card[] {
  if (!current) return kept.slice(-1);
  return [...kept.filter((card) => card.call_id !== current.call_id).slice(-1), current];
}

/**
 * A card without a call, never shown: kept mounted, hidden, before the first card pops, so the first
 * pop finds antd's styles built too (see keptCards).
 */
export const WARM_CARD: Card = {
  call_id: '',
  project_id: '',
  state: 'talking',
  contact: null,
  template: [],
  result_statuses: [],
  script_html: '',
};
