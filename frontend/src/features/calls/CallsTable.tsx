import { Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { recordingUrl, type CallRow } from './api';

function RecordingPlayer({ row }: { row: CallRow }) {
  if (!row.has_recording) return null;
  // Native player: preload="none" fetches nothing until played; seeking uses HTTP Range.
  return (
    <audio controls preload="none" src={recordingUrl(row.id)} data-testid="call-recording" style={{ height: 32 }} />
  );
}

/** The card's «Звонки» table with the manual's columns (O §6.1.2, Рис. 12–14). */
export function CallsTable({ rows, loading }: { rows: CallRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const known = (group: 'directions' | 'types', value: string) =>
    t(`calls.${group}.${value}` as 'calls.types.auto', { defaultValue: value });
  const columns: TableColumnsType<CallRow> = [
    { key: 'project', title: t('calls.columns.project'), dataIndex: 'project_name' },
    {
      key: 'date',
      title: t('calls.columns.date'),
      dataIndex: 'started_at',
      render: (value: string) => dayjs(value).format('DD-MM-YYYY HH:mm'),
    },
    {
      key: 'direction',
      title: t('calls.columns.direction'),
      dataIndex: 'direction',
      render: (v: string) => known('directions', v),
    },
    { key: 'type', title: t('calls.columns.type'), dataIndex: 'call_type', render: (v: string) => known('types', v) },
    { key: 'from', title: t('calls.columns.from'), dataIndex: 'from_number' },
    { key: 'to', title: t('calls.columns.to'), dataIndex: 'to_number' },
    { key: 'duration', title: t('calls.columns.duration'), dataIndex: 'duration_s' },
    { key: 'talk', title: t('calls.columns.talk'), dataIndex: 'talk_s' },
    { key: 'clientStatus', title: t('calls.columns.clientStatus'), dataIndex: 'client_status' },
    { key: 'operatorStatus', title: t('calls.columns.operatorStatus'), dataIndex: 'operator_status' },
    { key: 'operator', title: t('calls.columns.operator'), dataIndex: 'operator_name' },
    {
      key: 'recording',
      title: t('calls.columns.recording'),
      render: (_: unknown, row) => <RecordingPlayer row={row} />,
    },
  ];
  return (
    <Table<CallRow>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: true }}
      locale={{ emptyText: t('calls.empty') }}
      data-testid="calls-table"
    />
  );
}
