import { App, Layout, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReadyState } from '@/ws/socketLib';
import { queryKeys } from '@/api/queryKeys';
import { useCurrentUser } from '@/features/auth/currentUser';
import { usePersistentFlag } from '@/shared/usePersistentFlag';
import { useLiveEvents } from '@/ws/useLiveEvents';
import { HeaderBar } from './HeaderBar';
import { MainMenu } from './MainMenu';
import { SectionOutlet } from './SectionOutlet';

const SIDER_KEY = 'obzvon.menuCollapsed';

/** The logged-in layout (F-03): collapsible main menu, header, the current page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const { notification } = App.useApp();
  const [collapsed, setCollapsed] = usePersistentFlag(SIDER_KEY);

  const readyState = useLiveEvents({
    userId: me.id,
    onNotification: (item) =>
      notification.info({ title: item.title, description: item.body, placement: 'bottomRight' }),
    onSessionRevoked: () => {
      client.setQueryData(queryKeys.me, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
    },
  });

  return (
    <Layout style={{ minHeight: '100vh' }} data-live={readyState === ReadyState.OPEN ? 'open' : 'closed'}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={256}
        data-testid="main-sider"
        style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
      >
        <div style={{ padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
            {collapsed ? t('app.name').slice(0, 1) : t('app.name')}
          </Typography.Text>
        </div>
        <MainMenu role={me.role} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', position: 'sticky', top: 0, zIndex: 10 }}>
          <HeaderBar readyState={readyState} />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <SectionOutlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
