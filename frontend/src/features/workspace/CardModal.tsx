import { Modal, Tabs } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactContext } from './api';
import { mayClose } from './cardLogic';
import { cardVisible } from './cardTimings';
import { MainTab } from './MainTab';
import { MessageTab } from './MessageTab';
import { ScriptTab } from './ScriptTab';
import type { Card } from './types';

/**
 * The client card (O §6, F-51): pops by itself and cannot be closed (no close button, no Esc, no
 * click outside) until it is saved with a result status (F-52); saving clears the current card.
 */
export function CardModal({ card }: { card: Card }) {
  const { t } = useTranslation();
  const context = useContactContext(card.contact?.id);
  const closable = mayClose(false);

  useEffect(() => {
    cardVisible(card.call_id);
  }, [card.call_id]);

  const items = [
    { key: 'main', label: t('workspace.card.tabs.main'), children: <MainTab card={card} context={context.data} /> },
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
  ];

  return (
    <Modal
      open
      title={t('workspace.card.title')}
      closable={closable}
      mask={{ closable }}
      keyboard={closable}
      footer={null}
      width={1100}
      destroyOnHidden
      data-testid="client-card"
      wrapProps={{ 'data-testid': 'client-card-wrap', 'data-call-id': card.call_id }}
    >
      <div data-testid="client-card-body" data-call-id={card.call_id} data-contact-id={card.contact?.id ?? ''}>
        <Tabs items={items} />
      </div>
    </Modal>
  );
}
