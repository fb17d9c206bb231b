import { Checkbox, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactCalls } from './api';
import { CallsTable } from './CallsTable';

/** «Показать звонки» and «Показать все звонки по номеру» under the card (O §6.1.2, F-55). */
export function CallHistory({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const [own, setOwn] = useState(false);
  const [all, setAll] = useState(false);
  const shown = own || all;
  const calls = useContactCalls(contactId, all, shown);
  return (
    <div data-testid="call-history">
      <Space size={24} wrap>
        <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="calls-show-all">
          {t('calls.showAll')}
        </Checkbox>
        <Space size={8}>
          <Switch size="small" checked={own} onChange={setOwn} data-testid="calls-show-own" />
          <span>{t('calls.showOwn')}</span>
        </Space>
      </Space>
      {shown && (
        <div style={{ marginTop: 12 }}>
          <Typography.Title level={5}>{t('calls.title')}</Typography.Title>
          <CallsTable rows={calls.data ?? []} loading={calls.isFetching} />
        </div>
      )}
    </div>
  );
}
