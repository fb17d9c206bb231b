import { CheckOutlined, DeleteOutlined, EditOutlined, LinkOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { taskColor, taskStatus } from './taskColors';
import type { Task } from './types';

export interface TaskActions {
  onCall?: (task: Task) => void;
  onOpenCard?: (task: Task) => void;
  onDone: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
}

interface Props extends TaskActions {
  task: Task;
  now: number;
}

function Action({
  title,
  icon,
  onClick,
  testId,
}: {
  title: string;
  icon: React.ReactNode;
  onClick?: () => void;
  testId: string;
}) {
  return (
    <Tooltip title={title}>
      <Button type="text" size="small" icon={icon} onClick={onClick} aria-label={title} data-testid={testId} />
    </Tooltip>
  );
}

/** One task: time, text, auto-call mark, and the five actions of O §6.1.1, coloured by status. */
export function TaskItem({ task, now, onCall, onOpenCard, onDone, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const status = taskStatus(task, now);
  return (
    <div data-testid="task-item" data-status={status} style={{ color: taskColor(task, now), padding: '4px 0' }}>
      <Space size={4} wrap>
        <Typography.Text style={{ color: 'inherit' }} strong>
          {dayjs(task.due_at).format('DD-MM-YYYY HH:mm')}
        </Typography.Text>
        {task.call_automatically && <PhoneOutlined title={t('tasks.auto')} />}
        <Typography.Text style={{ color: 'inherit' }}>{task.text}</Typography.Text>
      </Space>
      <div>
        {onCall && (
          <Action title={t('tasks.call')} icon={<PhoneOutlined />} onClick={() => onCall(task)} testId="task-call" />
        )}
        {onOpenCard && (
          <Action
            title={t('tasks.openCard')}
            icon={<LinkOutlined />}
            onClick={() => onOpenCard(task)}
            testId="task-open"
          />
        )}
        {status !== 'done' && (
          <Action title={t('tasks.done')} icon={<CheckOutlined />} onClick={() => onDone(task)} testId="task-done" />
        )}
        <Action title={t('tasks.edit')} icon={<EditOutlined />} onClick={() => onEdit(task)} testId="task-edit" />
        <Popconfirm title={t('tasks.removeConfirm')} onConfirm={() => onDelete(task)}>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('tasks.remove')}
            data-testid="task-delete"
          />
        </Popconfirm>
      </div>
    </div>
  );
}
