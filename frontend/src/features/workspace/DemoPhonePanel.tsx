import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/shared/errorText';
import { useDemoPhone, useDemoPhoneAction } from './demoPhoneApi';

const COLORS = { idle: 'default', ringing: 'orange', talking: 'blue', unavailable: 'red' } as const;

/** The simulated phone of the operator's extension: «Ответить» / «Положить трубку» (demo installs only). */
export function DemoPhonePanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useDemoPhone();
  const action = useDemoPhoneAction();
  if (!phone.data) return null;
  const { state, extension } = phone.data;
  const run = (name: 'answer' | 'hangup') =>
    action.mutate(name, { onError: (error) => void message.error(errorText(error, t, t('demoPhone.failed'))) });
  return (
    <Card
      size="small"
      title={t('demoPhone.title')}
      data-testid="demo-phone"
      data-state={state}
      style={{ maxWidth: 420 }}
    >
      <Space wrap>
        <PhoneOutlined />
        <span>{t('demoPhone.extension', { extension })}</span>
        <Tag color={COLORS[state]} data-testid="demo-phone-state">
          {t(`demoPhone.states.${state}`)}
        </Tag>
        <Button
          type="primary"
          disabled={state !== 'ringing'}
          onClick={() => run('answer')}
          data-testid="demo-phone-answer"
        >
          {t('demoPhone.answer')}
        </Button>
        <Button
          danger
          disabled={state === 'idle' || state === 'unavailable'}
          onClick={() => run('hangup')}
          data-testid="demo-phone-hangup"
        >
          {t('demoPhone.hangup')}
        </Button>
      </Space>
    </Card>
  );
}
