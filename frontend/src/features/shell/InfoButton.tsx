import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Descriptions, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/currentUser';

/** «Информация» in the header: who is logged in, with which extension, and the version. */
export function InfoButton() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const content = (
    <Descriptions
      size="small"
      column={1}
      style={{ width: 300 }}
      items={[
        { key: 'user', label: t('info.user'), children: `${me.full_name} (${me.email})` },
        { key: 'role', label: t('info.role'), children: t(`roles.${me.role}`) },
        { key: 'extension', label: t('info.extension'), children: me.extension ?? t('info.noExtension') },
        { key: 'version', label: t('info.version'), children: __APP_VERSION__ },
      ]}
    />
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('info.title')} content={content}>
      <Button type="text" icon={<InfoCircleOutlined />} data-testid="info-button">
        {t('info.title')}
      </Button>
    </Popover>
  );
}
