import { Flex, Space } from 'antd';
import type { ReadyState } from '@/ws/socketLib';
import { useCurrentUser } from '@/features/auth/currentUser';
import { NotificationBell } from '@/features/notifications/NotificationBell';
import { StatusSelector } from '@/features/operator-state/StatusSelector';
import { CardPopHost } from '@/features/workspace/CardPopHost';
import { ConnectionIndicator } from '@/ws/ConnectionIndicator';
import { InfoButton } from './InfoButton';
import { ProfileMenu } from './ProfileMenu';

/** Top bar: connection state, «Информация», operator status, notifications, profile (A §3). */
export function HeaderBar({ readyState }: { readyState: ReadyState }) {
  const me = useCurrentUser();
  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }}>
      <div>
        <ConnectionIndicator readyState={readyState} />
      </div>
      <Space size={12}>
        <InfoButton />
        {me.role === 'operator' && <StatusSelector />}
        {me.role === 'operator' && <CardPopHost />}
        <NotificationBell />
        <ProfileMenu />
      </Space>
    </Flex>
  );
}
