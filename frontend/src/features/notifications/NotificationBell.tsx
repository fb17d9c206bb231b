import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@/api/types';
import { TaskNotificationLink } from '@/features/tasks/TaskNotificationLink';
import { useMarkNotificationRead, useNotifications } from './api';
import { unreadCount } from './cache';

function NotificationItem({ item, onRead }: { item: Notification; onRead: (id: Notification['id']) => void }) {
  const { t } = useTranslation();
  const unread = !item.read_at;
  return (
    <List.Item
      data-testid="notification-item"
      actions={[
        <TaskNotificationLink key="open" item={item} />,
        ...(unread
          ? [
              <Button key="read" type="link" size="small" onClick={() => onRead(item.id)}>
                {t('notifications.markRead')}
              </Button>,
            ]
          : []),
      ]}
    >
      <List.Item.Meta
        title={<Typography.Text strong={unread}>{item.title}</Typography.Text>}
        description={
          <>
            <div>{item.body}</div>
            <Typography.Text type="secondary">{dayjs(item.created_at).format('DD.MM.YYYY HH:mm')}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

/** The bell in the header: unread count and the list of notifications (O §5, F-03). */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const list = notifications.data ?? [];

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }}>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={list}
          rowKey={(n) => String(n.id)}
          renderItem={(item) => <NotificationItem item={item} onRead={(id) => markRead.mutate(id)} />}
        />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title={t('notifications.title')} content={content}>
      <Badge count={unreadCount(list)} size="small" data-testid="notifications-count">
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.title')}
          data-testid="notifications-bell"
        />
      </Badge>
    </Popover>
  );
}
