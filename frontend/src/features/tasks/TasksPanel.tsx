import { App, Empty, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/shared/errorText';
import { useNow } from '@/shared/useNow';
import { useContactTasks, useCreateTask, useDeleteTask, useTaskDone, useUpdateTask } from './api';
import { TaskForm, type TaskFormValues } from './TaskForm';
import { TaskItem } from './TaskItem';
import type { Task } from './types';

interface Props {
  contactId: string;
  onCall?: () => void;
  onOpenCard?: () => void;
}

/** «Задачи» of a contact (F-54): add, call, open the card, mark done, edit, delete. */
export function TasksPanel({ contactId, onCall, onOpenCard }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const now = useNow(5000);
  const tasks = useContactTasks(contactId);
  const create = useCreateTask();
  const update = useUpdateTask();
  const done = useTaskDone();
  const remove = useDeleteTask();
  const [editing, setEditing] = useState<Task | null>(null);
  const fail = (error: unknown) => void message.error(errorText(error, t, t('tasks.failed')));

  const add = (values: TaskFormValues) =>
    create
      .mutateAsync({
        contact_id: contactId,
        text: values.text ?? '',
        due_at: values.due.toISOString(),
        call_automatically: values.auto,
      })
      .catch(fail);
  const save = (task: Task, values: TaskFormValues) =>
    update
      .mutateAsync({
        id: task.id,
        body: { text: values.text ?? '', due_at: values.due.toISOString(), call_automatically: values.auto },
      })
      .then(() => setEditing(null))
      .catch(fail);

  return (
    <div data-testid="tasks-panel">
      <Typography.Title level={5}>{t('tasks.title')}</Typography.Title>
      <TaskForm submitLabel={t('tasks.add')} busy={create.isPending} onSubmit={add} />
      <div style={{ marginTop: 12 }}>
        {tasks.isPending && <Spin size="small" />}
        {tasks.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />}
        {tasks.data?.map((task) =>
          editing?.id === task.id ? (
            <TaskForm
              key={task.id}
              initial={{ text: task.text, due: dayjs(task.due_at), auto: task.call_automatically }}
              submitLabel={t('tasks.save')}
              busy={update.isPending}
              onSubmit={(values) => save(task, values)}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <TaskItem
              key={task.id}
              task={task}
              now={now}
              onCall={onCall && (() => onCall())}
              onOpenCard={onOpenCard && (() => onOpenCard())}
              onDone={(item) => done.mutate(item.id, { onError: fail })}
              onEdit={setEditing}
              onDelete={(item) => remove.mutate(item.id, { onError: fail })}
            />
          ),
        )}
      </div>
    </div>
  );
}
