import { LockOutlined } from '@ant-design/icons';
import { Checkbox, Form, Input, InputNumber, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIXED_FIELDS } from './cardLogic';
import type { CardField } from './types';

/** The template when the project has none: the contact's own fields, in the manual's order (Рис. 8). */
export function fallbackTemplate(labels: (key: string) => string): CardField[] {
  return ['full_name', 'phone', ...FIXED_FIELDS.filter((k) => k !== 'full_name')].map((key, position) => ({
    key,
    label: labels(key),
    field_type: key === 'description' ? 'textarea' : key === 'birth_date' ? 'date' : 'text',
    position,
    is_custom: false,
    is_required: false,
  }));
}

/** Form.Item passes `value`/`checked` and `onChange`; they go on to the input. */
type EditorProps = { field: CardField; painted: boolean } & Record<string, unknown>;

function Editor({ field, painted, ...control }: EditorProps) {
  switch (field.field_type) {
    case 'textarea':
      // Grows with the text once painted: measuring it would delay the first paint.
      return (
        <Input.TextArea
          {...control}
          autoSize={painted ? { minRows: 2, maxRows: 6 } : false}
          rows={2}
          placeholder={field.label}
        />
      );
    case 'number':
      return <InputNumber {...control} style={{ width: '100%' }} placeholder={field.label} stringMode />;
    case 'date':
      return <Input {...control} type="date" placeholder="ДД-ММ-ГГГГ" />;
    case 'checkbox':
      return <Checkbox {...control} />;
    default:
      return <Input {...control} placeholder={field.label} />;
  }
}

interface Props {
  template: CardField[];
  /** As the server sent it: already masked where the project hides numbers (F-51). */
  phone: string;
  phoneHidden: boolean;
  /** The card has been painted once: text areas may grow with their text. */
  painted: boolean;
}

/** The card's fields from the project's template, editable; the number read-only, masked when hidden. */
export function CardFields({ template, phone, phoneHidden, painted }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {template.map((field) =>
        field.key === 'phone' ? (
          <Form.Item key="phone" label={field.label || t('workspace.card.fields.phone')}>
            <Input
              value={phone}
              readOnly
              data-testid="card-phone"
              data-hidden={phoneHidden}
              suffix={
                phoneHidden ? (
                  <Tooltip title={t('workspace.card.phoneHidden')}>
                    <LockOutlined aria-label={t('workspace.card.phoneHidden')} />
                  </Tooltip>
                ) : undefined
              }
            />
          </Form.Item>
        ) : (
          <Form.Item
            key={field.key}
            name={['fields', field.key]}
            label={field.label}
            valuePropName={field.field_type === 'checkbox' ? 'checked' : 'value'}
            rules={field.is_required ? [{ required: true }] : undefined}
            data-testid={`card-field-${field.key}`}
          >
            <Editor field={field} painted={painted} />
          </Form.Item>
        ),
      )}
    </>
  );
}
