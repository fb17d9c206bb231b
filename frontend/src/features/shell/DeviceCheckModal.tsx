import { Alert, Button, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAudioDevices, type DeviceCheckResult } from './deviceCheck';

function DeviceList({ title, names }: { title: string; names: string[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={names.map((name) => name || t('devices.unnamed'))}
      renderItem={(name) => <List.Item>{name}</List.Item>}
    />
  );
}

/** "Проверка устройств" from the profile menu: microphone permission and the audio devices (F-03). */
export function DeviceCheckModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<DeviceCheckResult | null>(null);

  const run = async () => {
    setChecking(true);
    setResult(await checkAudioDevices());
    setChecking(false);
  };

  return (
    <Modal
      open={open}
      title={t('devices.title')}
      onCancel={onClose}
      afterClose={() => setResult(null)}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('devices.intro')}</Typography.Paragraph>
        <Button type="primary" loading={checking} onClick={() => void run()} data-testid="device-check-run">
          {t('devices.check')}
        </Button>
        {result?.status === 'error' && <Alert type="error" showIcon title={t(`devices.${result.reason}`)} />}
        {result?.status === 'ok' && (
          <>
            <Alert type="success" showIcon title={t('devices.ok')} />
            <DeviceList title={t('devices.inputs')} names={result.inputs} />
            <DeviceList title={t('devices.outputs')} names={result.outputs} />
          </>
        )}
      </Space>
    </Modal>
  );
}
