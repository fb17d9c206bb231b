import { Card, Col, Progress, Row, Spin, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OperatorStateName } from '@/api/types';
import { STATE_DOT_COLORS, stateLabelKey } from '@/features/operator-state/states';
import { formatElapsed } from '@/shared/time';
import { useMyDashboard } from './api';
import { onLineSeconds } from './stateTotals';

/** «Дашборд» of the logged-in user (O §8, F-63): today's time by state and the call counts. */
export function DashboardPage() {
  const { t } = useTranslation();
  const dashboard = useMyDashboard();
  const title = (
    <Typography.Title level={3} data-testid="page-title">
      {t('sections.dashboard')}
    </Typography.Title>
  );
  if (dashboard.isPending)
    return (
      <>
        {title}
        <Spin />
      </>
    );
  if (!dashboard.data)
    return (
      <>
        {title}
        <Typography.Text type="danger">{t('errors.loadFailed')}</Typography.Text>
      </>
    );
  const { day, states, calls } = dashboard.data;
  const longest = Math.max(1, ...states.map((s) => s.seconds));
  return (
    <div data-testid="dashboard">
      {title}
      <Typography.Title level={4}>{t('dashboard.today', { day: dayjs(day).format('DD-MM-YYYY') })}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.states')} size="small">
            <Statistic title={t('dashboard.inLine')} value={formatElapsed(onLineSeconds(states) * 1000)} />
            {states.map((row) => (
              <div key={row.state} data-testid={`dashboard-state-${row.state}`} data-seconds={row.seconds}>
                <Typography.Text>
                  {t(stateLabelKey(row.state as OperatorStateName))}: {formatElapsed(row.seconds * 1000)}
                </Typography.Text>
                <Progress
                  percent={(row.seconds / longest) * 100}
                  showInfo={false}
                  strokeColor={STATE_DOT_COLORS[row.state as OperatorStateName]}
                  size="small"
                />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.calls')} size="small">
            <Row gutter={16}>
              <Col span={12}>
                <Statistic title={t('dashboard.total')} value={calls.total} data-testid="dashboard-calls-total" />
              </Col>
              <Col span={12}>
                <Statistic title={t('dashboard.answered')} value={calls.answered} />
              </Col>
              <Col span={12}>
                <Statistic title={t('dashboard.outbound')} value={calls.outbound} />
              </Col>
              <Col span={12}>
                <Statistic title={t('dashboard.inbound')} value={calls.inbound} />
              </Col>
              <Col span={24}>
                <Statistic title={t('dashboard.talkTime')} value={formatElapsed(calls.talk_seconds * 1000)} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
