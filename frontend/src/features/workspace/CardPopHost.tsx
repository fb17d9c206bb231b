import { useState } from 'react';
import { useCurrentCard } from './api';
import { CardModal } from './CardModal';
import { keptCards, WARM_CARD } from './cardPop';
import { usePainted } from './cardTimings';
import { shownCard, usePoppedCard, usePreparedCard } from './poppedCard';
import type { Card } from './types';
import { useCardEvents } from './useCardEvents';

/**
 * Mounted in the shell for operators: pops the card on `card_opened`, and after a reload too. The
 * card of a call ringing for the operator (`card_prepared`) is drawn hidden, last, and pops in place:
 * only shown, not drawn, at the answer. The last card stays mounted, hidden, until the next one pops
 * (keptCards), so a pop mounts warm; before the first card an empty one (WARM_CARD) stands in, mounted
 * once the shell has painted.
 */
export function CardPopHost() {
  useCardEvents(true);
  const current = shownCard(usePoppedCard(), useCurrentCard(true).data ?? null);
  const prepared = usePreparedCard();
  const painted = usePainted();
  const [seen, setSeen] = useState<Card | null>(null);
  const [kept, setKept] = useState<Card[]>([]);
  if (current !== seen) {
    setSeen(current);
    setKept(keptCards(kept, current));
  } else if (painted && kept.length === 0) {
    setKept([WARM_CARD]);
  }
  // The prepared card comes last, where it stays when it pops: moving it would draw it again.
  const drawn = prepared && !kept.some((card) => card.call_id === prepared.call_id) ? [...kept, prepared] : kept;
  return (
    <>
      {drawn.map((card) => (
        <CardModal key={card.call_id} card={card} open={card.call_id === current?.call_id} />
      ))}
    </>
  );
}
