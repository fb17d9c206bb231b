import { AudioOutlined, CheckOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '@/features/auth/api';
import { useCurrentUser } from '@/features/auth/currentUser';
import { changeLocale, currentLocale } from '@/i18n';
import { isLocale, LOCALES } from '@/i18n/locale';
import { DeviceCheckModal } from './DeviceCheckModal';

/** Profile menu: name and role, «Проверка устройств», language, «Выход» (A §3, F-03). */
export function ProfileMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const [devicesOpen, setDevicesOpen] = useState(false);
  const locale = currentLocale();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div data-testid="profile-who">
          <Typography.Text strong>{me.full_name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t(`roles.${me.role}`)}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'devices', icon: <AudioOutlined />, label: t('profile.deviceCheck') },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('profile.language'),
      children: LOCALES.map((lng) => ({
        key: `lang:${lng}`,
        label: t(`languages.${lng}`),
        icon: lng === locale ? <CheckOutlined /> : <span style={{ width: 14, display: 'inline-block' }} />,
      })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: t('profile.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'devices') setDevicesOpen(true);
    if (key === 'logout') {
      logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true, state: null }) });
    }
    const lng = key.startsWith('lang:') ? key.slice(5) : null;
    if (isLocale(lng)) void changeLocale(lng);
  };

  return (
    <>
      <Dropdown trigger={['click']} placement="bottomRight" menu={{ items, onClick }}>
        <Button type="text" data-testid="profile-menu" aria-label={t('profile.menu')}>
          <Avatar size="small" icon={<UserOutlined />} />
          <span className="profile-name">{me.full_name}</span>
        </Button>
      </Dropdown>
      <DeviceCheckModal open={devicesOpen} onClose={() => setDevicesOpen(false)} />
    </>
  );
}
