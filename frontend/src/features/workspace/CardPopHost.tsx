import { useState } from 'react';
import { useCurrentCard } from './api';
import { CardModal } from './CardModal';
import { keptCards, WARM_CARD } from './cardPop';
import { usePainted } from './cardTimings';
import { shownCard, usePoppedCard } from './poppedCard';
import type { Card } from './types';
import { useCardEvents } from './useCardEvents';

/**
 * Mounted in the shell for operators: pops the card on `card_opened`, and after a reload too. The
 * last card stays mounted, hidden, until the next one pops (keptCards), so a pop mounts warm; before
 * the first card an empty one (WARM_CARD) stands in, mounted once the shell has painted.
 */
export function CardPopHost() {
  useCardEvents(true);
  const current = shownCard(usePoppedCard(), useCurrentCard(true).data ?? null);
  const painted = usePainted();
  const [seen, setSeen] = useState<Card | null>(null);
  const [kept, setKept] = useState<Card[]>([]);
  if (current !== seen) {
    setSeen(current);
    setKept(keptCards(kept, current));
  } else if (painted && kept.length === 0) {
    setKept([WARM_CARD]);
  }
  return (
    <>
      {kept.map((card) => (
        <CardModal key={card.call_id} card={card} open={card.call_id === current?.call_id} />
      ))}
    </>
  );
}
