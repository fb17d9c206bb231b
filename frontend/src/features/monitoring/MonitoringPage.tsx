import { Alert, Card, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorState } from '@/api/types';
import { STATE_COLORS, stateLabelKey } from '@/features/operator-state/states';
import { ElapsedTime } from '@/shared/ElapsedTime';
import { errorText } from '@/shared/errorText';
import { useNow } from '@/shared/useNow';
import { useOperatorStates } from './api';
import { onlineSummary, sortByName } from './summary';

/** Live operator states with time in state (A §7, F-64); updated from the WebSocket. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const now = useNow(1000);
  const states = useOperatorStates();
  const rows = useMemo(() => sortByName(states.data ?? []), [states.data]);
  const summary = onlineSummary(rows);

  const columns: TableColumnsType<OperatorState> = [
    { title: t('monitoring.columns.index'), key: 'index', width: 64, render: (_v, _row, index) => `${index + 1})` },
    { title: t('monitoring.columns.name'), dataIndex: 'full_name', key: 'name' },
    { title: t('monitoring.columns.extension'), dataIndex: 'extension', key: 'extension', width: 180 },
    {
      title: t('monitoring.columns.state'),
      key: 'state',
      width: 200,
      render: (_v, row) => (
        <Tag color={STATE_COLORS[row.state]} data-testid="operator-state">
          {t(stateLabelKey(row.state))}
        </Tag>
      ),
    },
    {
      title: t('monitoring.columns.time'),
      key: 'time',
      width: 120,
      render: (_v, row) => <ElapsedTime since={row.since} now={now} testId="operator-state-time" />,
    },
  ];

  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('monitoring.title')}
      </Typography.Title>
      <Card>
        <Space size={48} style={{ marginBottom: 16 }}>
          <Statistic title={t('monitoring.online')} value={summary.online} data-testid="monitoring-online" />
          <Statistic title={t('monitoring.offline')} value={summary.offline} data-testid="monitoring-offline" />
        </Space>
        {states.isError && (
          <Alert type="error" showIcon title={errorText(states.error, t)} style={{ marginBottom: 16 }} />
        )}
        <Table<OperatorState>
          data-testid="monitoring-table"
          rowKey={(row) => String(row.operator_id)}
          columns={columns}
          dataSource={rows}
          loading={states.isPending}
          pagination={false}
          size="small"
          locale={{ emptyText: t('monitoring.empty') }}
        />
      </Card>
    </>
  );
}
