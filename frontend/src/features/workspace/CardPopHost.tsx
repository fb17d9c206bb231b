import { useCurrentCard } from './api';
import { CardModal } from './CardModal';
import { useCardEvents } from './useCardEvents';

/** Mounted in the shell for operators: pops the card on `card_opened`, and after a reload too. */
export function CardPopHost() {
  useCardEvents(true);
  const card = useCurrentCard(true);
  if (!card.data) return null;
  return <CardModal key={card.data.call_id} card={card.data} />;
}
