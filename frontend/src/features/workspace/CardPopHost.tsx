import { useState } from 'react';
import { useCurrentCard } from './api';
import { CardModal } from './CardModal';
import { keptCards } from './cardPop';
import type { Card } from './types';
import { useCardEvents } from './useCardEvents';

/**
 * Mounted in the shell for operators: pops the card on `card_opened`, and after a reload too. The
 * last card stays mounted, hidden, until the next one pops (keptCards), so a pop mounts warm.
 */
export function CardPopHost() {
  useCardEvents(true);
  const current = useCurrentCard(true).data ?? null;
  const [seen, setSeen] = useState<Card | null>(null);
  const [kept, setKept] = useState<Card[]>([]);
  if (current !== seen) {
    setSeen(current);
    setKept(keptCards(kept, current));
  }
  return (
    <>
      {kept.map((card) => (
        <CardModal key={card.call_id} card={card} open={card.call_id === current?.call_id} />
      ))}
    </>
  );
}
