import { memo, useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactContext } from './api';
import { afterPaint, cardRendered, cardVisible, usePainted } from './cardTimings';
import { CardOverlay } from './CardOverlay';
import { CardTabs } from './CardTabs';
import { MainTab } from './MainTab';
import { MessageTab } from './MessageTab';
import { ScriptTab } from './ScriptTab';
import type { Card } from './types';

interface Props {
  card: Card;
  /** False for the last card kept mounted, hidden, after it was saved (see CardPopHost). */
  open: boolean;
}

/**
 * The client card (O §6, F-51): pops by itself, at once, and cannot be closed until it is saved with a
 * result status (F-52, CardOverlay); saving clears the current card. The first paint is recorded for
 * the card pop latency (cardTimings).
 */
export const CardModal = memo(function CardModal({ card, open }: Props) {
  const { t } = useTranslation();
  // The contact's context, the tasks and the calls are fetched once the card is on screen.
  const painted = usePainted(open);
  const context = useContactContext(painted ? card.contact?.id : null);

  // Layout effect: the card is in the DOM, not yet painted; the frame after it is its first paint.
  useLayoutEffect(() => {
    if (!open) return;
    cardRendered(card.call_id);
    return afterPaint(() => cardVisible(card.call_id));
  }, [card.call_id, open]);
  const testId = (id: string) => (open ? id : undefined);

  // Showing a drawn card (or hiding it) renders the overlay only, not the card's contents again.
  const items = useMemo(
    () => [
      {
        key: 'main',
        label: t('workspace.card.tabs.main'),
        children: <MainTab card={card} context={context.data} painted={painted} />,
      },
      { key: 'script', label: t('workspace.card.tabs.script'), children: <ScriptTab html={card.script_html} /> },
      {
        key: 'email',
        label: t('workspace.card.tabs.email'),
        children: <MessageTab channel="email" templates={context.data?.email_templates ?? []} contact={card.contact} />,
      },
      {
        key: 'sms',
        label: t('workspace.card.tabs.sms'),
        children: <MessageTab channel="sms" templates={context.data?.sms_templates ?? []} contact={card.contact} />,
      },
    ],
    [card, context.data, painted, t],
  );

  return (
    <CardOverlay open={open} title={t('workspace.card.title')} callId={card.call_id}>
      <div
        data-testid={testId('client-card-body')}
        data-call-id={card.call_id}
        data-contact-id={card.contact?.id ?? ''}
      >
        <CardTabs items={items} />
      </div>
    </CardOverlay>
  );
});
