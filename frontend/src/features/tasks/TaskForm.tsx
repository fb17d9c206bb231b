import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export interface TaskFormValues {
  text: string;
  due: Dayjs;
  auto: boolean;
}

interface Props {
  initial?: Partial<TaskFormValues>;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: TaskFormValues) => Promise<unknown>;
  onCancel?: () => void;
}

/** Text, date-time and «Совершать звонок автоматически» (O §6.1.1). */
export function TaskForm({ initial, submitLabel, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TaskFormValues>();
  const submit = async (values: TaskFormValues) => {
    await onSubmit(values);
    if (!initial) form.resetFields();
  };
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={{ auto: false, text: '', ...initial }}
      onFinish={(values) => void submit(values)}
      data-testid="task-form"
    >
      <Form.Item name="auto" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="task-auto">{t('tasks.auto')}</Checkbox>
      </Form.Item>
      <Form.Item name="text" label={t('tasks.text')} style={{ marginBottom: 8 }}>
        <Input placeholder={t('tasks.text')} data-testid="task-text" maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="due"
        label={t('tasks.due')}
        rules={[{ required: true, message: t('tasks.dueRequired') }]}
        style={{ marginBottom: 8 }}
      >
        <DatePicker
          showTime={{ format: 'HH:mm:ss' }}
          format="DD-MM-YYYY HH:mm:ss"
          placeholder={t('tasks.due')}
          data-testid="task-due"
          style={{ width: '100%' }}
          minDate={initial ? undefined : dayjs().startOf('day')}
        />
      </Form.Item>
      <Space>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="task-submit">
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('tasks.cancel')}</Button>}
      </Space>
    </Form>
  );
}
