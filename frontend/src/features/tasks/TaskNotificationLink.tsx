import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '@/api/types';

/** The contact a due-task notification is about (O §5), if any. */
export function taskContactId(item: Pick<Notification, 'kind' | 'payload'>): string | null {
  const payload = item.payload as Record<string, unknown> | null | undefined;
  const id = payload?.contact_id;
  return item.kind === 'task_due' && typeof id === 'string' ? id : null;
}

/** «Перейти в карточку клиента» from the bell: the contact's tasks and calls on the workplace. */
export function TaskNotificationLink({ item }: { item: Notification }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contactId = taskContactId(item);
  if (!contactId) return null;
  return (
    <Button
      type="link"
      size="small"
      data-testid="notification-open-card"
      onClick={() => void navigate(`/workplace?contact=${encodeURIComponent(contactId)}`)}
    >
      {t('tasks.openCard')}
    </Button>
  );
}
