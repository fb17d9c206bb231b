import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Divider, Form, Input, Select, Space, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CallHistory } from '@/features/calls/CallHistory';
import { TasksPanel } from '@/features/tasks/TasksPanel';
import { errorText } from '@/shared/errorText';
import { useManualCall, useSaveCard } from './api';
import { initialValues, saveBlocker, saveBody, type CardValues } from './cardLogic';
import { CardFields, fallbackTemplate } from './CardFields';
import { LocalTime } from './LocalTime';
import type { Card, ContactContext } from './types';

interface Props {
  card: Card;
  context: ContactContext | undefined;
  /** The card has been painted once: the tasks and the call history may render. */
  painted: boolean;
}

/**
 * «Главная» (O §6.1): fields, «Позвонить», local time, tasks, comment, the mandatory status, save.
 * The card pops with the client's fields, the status and «Сохранить»; tasks and the call history
 * follow once it has been painted, so the first paint is quick.
 */
export function MainTab({ card, context, painted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CardValues>();
  const save = useSaveCard();
  const manualCall = useManualCall();
  const contact = card.contact;
  const template = useMemo(
    () =>
      card.template.length > 0
        ? card.template
        : fallbackTemplate((key) => t(`workspace.card.fields.${key}` as 'workspace.card.fields.phone')),
    [card.template, t],
  );
  const initial = useMemo(() => initialValues(contact, template), [contact, template]);

  const submit = (values: CardValues) => {
    if (saveBlocker(values)) {
      void message.error(t('workspace.card.statusRequired'));
      return;
    }
    save.mutate(
      { callId: card.call_id, body: saveBody(values, template) },
      {
        onSuccess: () => void message.success(t('workspace.card.saved')),
        onError: (error) => void message.error(errorText(error, t, t('workspace.card.saveFailed'))),
      },
    );
  };
  const placeCall = () => {
    if (!contact) return;
    manualCall.mutate(contact.id, {
      onSuccess: () => void message.info(t('workspace.card.calling')),
      onError: (error) => void message.error(errorText(error, t, t('workspace.card.callFailed'))),
    });
  };

  return (
    // component={false}: no <form> element, so the task form inside stays a form of its own.
    <Form
      form={form}
      component={false}
      layout="vertical"
      size="small"
      initialValues={initial}
      onFinish={submit}
      onFinishFailed={({ values }) => saveBlocker(values) && void message.error(t('workspace.card.statusRequired'))}
    >
      {/* Two columns that wrap on a narrow screen; plain flex, as antd's Row re-renders on mount. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 24 }}>
        <div style={{ flex: '14 1 420px', minWidth: 0 }}>
          <Space style={{ marginBottom: 12 }} size={16}>
            <Button
              icon={<PhoneOutlined />}
              onClick={placeCall}
              disabled={!contact}
              loading={manualCall.isPending}
              data-testid="card-call"
            >
              {t('workspace.card.call')}
            </Button>
            <LocalTime timezone={contact?.timezone ?? context?.timezone} />
          </Space>
          {contact ? (
            <CardFields
              template={template}
              phone={contact.phone}
              phoneHidden={contact.phone_hidden}
              painted={painted}
            />
          ) : (
            <Typography.Text type="warning">{t('workspace.card.noContact')}</Typography.Text>
          )}
        </div>
        <div style={{ flex: '10 1 300px', minWidth: 0 }}>
          {contact && painted && <TasksPanel contactId={contact.id} onCall={placeCall} />}
          <Divider style={{ margin: '12px 0' }} />
          <Typography.Title level={5}>{t('workspace.card.comments')}</Typography.Title>
          <Form.Item name="comment">
            <Input.TextArea
              placeholder={t('workspace.card.commentPlaceholder')}
              // Grows with the text once painted: measuring it would delay the first paint.
              autoSize={painted ? { minRows: 2 } : false}
              rows={2}
              maxLength={5000}
              data-testid="card-comment"
            />
          </Form.Item>
        </div>
      </div>
      <Form.Item
        name="result_status_id"
        label={t('workspace.card.status')}
        rules={[{ required: true, message: t('workspace.card.statusRequired') }]}
      >
        <Select
          placeholder={t('workspace.card.statusPlaceholder')}
          options={card.result_statuses.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="card-status"
          style={{ maxWidth: 360 }}
        />
      </Form.Item>
      <Space>
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="card-save">
          {t('workspace.card.save')}
        </Button>
        <Tooltip title={t('workspace.card.integrationMissing')}>
          <Button disabled data-testid="card-send-lead">
            {t('workspace.card.sendLead')}
          </Button>
        </Tooltip>
      </Space>
      {contact && painted && (
        <>
          <Divider style={{ margin: '16px 0' }} />
          <CallHistory contactId={contact.id} />
        </>
      )}
    </Form>
  );
}
