import { DownOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Space, Spin, Tag, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChosenStateName } from '@/api/types';
import { LiveElapsedTime } from '@/shared/ElapsedTime';
import { errorText } from '@/shared/errorText';
import { useMyState, useSetMyState } from './api';
import { CHOSEN_STATES, isChosenState, selectorView, STATE_COLORS, STATE_DOT_COLORS, stateLabelKey } from './states';

/**
 * The operator's status selector in the shell (O §4, F-50): Активно, Пауза, Не беспокоить,
 * Неактивно. System states (В разговоре, В карточке, ...) show read-only with a running timer.
 */
export function StatusSelector() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const myState = useMyState(true);
  const setMyState = useSetMyState();

  if (myState.isPending) return <Spin size="small" />;
  if (!myState.data) return <Tag data-testid="status-unavailable">{t('errors.loadFailed')}</Tag>;

  const view = selectorView(myState.data);
  const items: MenuProps['items'] = CHOSEN_STATES.map((state) => ({
    key: state,
    label: <Badge color={STATE_DOT_COLORS[state]} text={t(stateLabelKey(state))} />,
  }));

  const choose = (key: string) => {
    if (!isChosenState(key) || (key === view.chosen && !view.system)) return;
    const state: ChosenStateName = key;
    setMyState.mutate(state, {
      onError: (error) => void message.error(errorText(error, t, t('operatorState.changeFailed'))),
    });
  };

  return (
    <Space size={8}>
      {view.system && (
        <Tag color={STATE_COLORS[view.system]} data-testid="status-system" style={{ marginInlineEnd: 0 }}>
          {t(stateLabelKey(view.system))} <LiveElapsedTime since={view.since} />
        </Tag>
      )}
      <Dropdown
        trigger={['click']}
        menu={{ items, selectable: true, selectedKeys: [view.chosen], onClick: ({ key }) => choose(key) }}
      >
        <Button data-testid="status-selector" loading={setMyState.isPending} aria-label={t('operatorState.label')}>
          <Badge color={STATE_DOT_COLORS[view.chosen]} />
          <span data-testid="status-current">{t(stateLabelKey(view.chosen))}</span>
          {!view.system && <LiveElapsedTime since={view.since} testId="status-timer" />}
          <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
