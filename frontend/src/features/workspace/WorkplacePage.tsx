import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CallHistory } from '@/features/calls/CallHistory';
import { TasksPanel } from '@/features/tasks/TasksPanel';
import { useManualCall } from './api';
import { DemoPhonePanel } from './DemoPhonePanel';

/** «Рабочее место»: the demo phone, and a contact opened from a task or a notification (F-54). */
export function WorkplacePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const contactId = params.get('contact');
  const manualCall = useManualCall();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="workplace">
      <Typography.Title level={3} data-testid="page-title" style={{ margin: 0 }}>
        {t('sections.workplace')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('workspace.page.waiting')} />
      <DemoPhonePanel />
      {contactId && (
        <Card size="small" title={t('workspace.page.contact')} data-testid="workplace-contact">
          <TasksPanel contactId={contactId} onCall={() => manualCall.mutate(contactId)} />
          <div style={{ marginTop: 16 }}>
            <CallHistory contactId={contactId} />
          </div>
        </Card>
      )}
    </Space>
  );
}
