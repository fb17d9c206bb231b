import { Button, Empty, Form, Input, Select, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillTemplate } from './cardLogic';
import type { CardContact, MessageTemplate } from './types';

interface Props {
  channel: 'email' | 'sms';
  templates: MessageTemplate[];
  contact: CardContact | null;
}

/** «E-mail» and «SMS» (O §6.3, §6.4): the project's templates filled with the contact's fields. */
export function MessageTab({ channel, templates, contact }: Props) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const template = templates[index];
  const subject = useMemo(() => fillTemplate(template?.subject ?? '', contact), [template, contact]);
  const body = useMemo(() => fillTemplate(template?.body ?? '', contact), [template, contact]);
  if (!template) return <Empty description={t('workspace.card.noTemplate')} />;
  return (
    <Form layout="vertical" key={`${channel}-${index}`} data-testid={`card-${channel}`}>
      {templates.length > 1 && (
        <Form.Item>
          <Select
            value={index}
            onChange={setIndex}
            options={templates.map((item, i) => ({ value: i, label: item.name || String(i + 1) }))}
          />
        </Form.Item>
      )}
      {channel === 'email' && (
        <Form.Item label={t('workspace.card.subject')}>
          <Input defaultValue={subject} data-testid="card-email-subject" />
        </Form.Item>
      )}
      <Form.Item label={t('workspace.card.text')}>
        <Input.TextArea defaultValue={body} autoSize={{ minRows: 4 }} data-testid={`card-${channel}-body`} />
      </Form.Item>
      <Tooltip title={t('workspace.card.integrationMissing')}>
        <Button type="primary" disabled>
          {t('workspace.card.send')}
        </Button>
      </Tooltip>
    </Form>
  );
}
