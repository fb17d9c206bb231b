import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '@/shared/useNow';
import { localTime } from './cardLogic';

/** «Местное время» of the client, ticking every second (O §6, F-51). */
export function LocalTime({ timezone }: { timezone: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const time = localTime(timezone, now, i18n.language === 'en' ? 'en-GB' : 'ru-RU');
  return (
    <Typography.Text type="secondary" data-testid="card-local-time" data-timezone={timezone ?? ''}>
      {time ? t('workspace.card.localTime', { time }) : t('workspace.card.localTimeUnknown')}
    </Typography.Text>
  );
}
