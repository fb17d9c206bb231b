import { DisconnectOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadyState } from './socketLib';

/** Grace period for the first connection, so the indicator does not flash on page load. */
const FIRST_CONNECT_GRACE_MS = 1500;

/** "Нет соединения" while the live connection to the server is down. */
export function ConnectionIndicator({ readyState }: { readyState: ReadyState }) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState(true);

  useEffect(() => {
    const timer = window.setTimeout(() => setGrace(false), FIRST_CONNECT_GRACE_MS);
    return () => window.clearTimeout(timer);
  }, []);

  if (readyState === ReadyState.OPEN || grace) return null;
  return (
    <Tooltip title={t('shell.offlineHint')}>
      <Tag color="error" icon={<DisconnectOutlined />} data-testid="ws-offline" role="status">
        {t('shell.offline')}
      </Tag>
    </Tooltip>
  );
}
