import type { CardContact, CardField, CardSaveBody } from './types';

/** Card fields stored in the contact's own columns; every other template field is a custom field. */
export const FIXED_FIELDS = [
  'full_name',
  'email',
  'position',
  'city',
  'address',
  'description',
  'region',
  'birth_date',
] as const;
type FixedField = (typeof FIXED_FIELDS)[number];

export function isFixedField(key: string): key is FixedField {
  return (FIXED_FIELDS as readonly string[]).includes(key);
}

/** Form values of the card: one entry per template field, plus the result status and a comment. */
export interface CardValues {
  fields: Record<string, string | boolean | null | undefined>;
  result_status_id?: string | null;
  comment?: string;
}

/** Why the card cannot be saved yet (F-52), or null. The server refuses the same with a 422. */
export function saveBlocker(values: Pick<CardValues, 'result_status_id'>): 'statusRequired' | null {
  return values.result_status_id ? null : 'statusRequired';
}

/** The value a contact holds for a template field. */
export function fieldValue(contact: CardContact | null, key: string): string | boolean | null {
  if (!contact) return null;
  if (key === 'phone') return contact.phone;
  if (isFixedField(key)) return contact[key] ?? null;
  const custom = (contact.custom_fields as Record<string, unknown>)[key];
  return typeof custom === 'string' || typeof custom === 'boolean' ? custom : custom == null ? null : String(custom);
}

export function initialValues(contact: CardContact | null, template: readonly CardField[]): CardValues {
  const fields: CardValues['fields'] = {};
  for (const field of template) fields[field.key] = fieldValue(contact, field.key);
  return { fields, result_status_id: contact?.result_status_id ?? undefined, comment: '' };
}

function blankToNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** The save request from the form: fixed fields, custom fields, status, comment. */
export function saveBody(values: CardValues, template: readonly CardField[]): CardSaveBody {
  const fields: Record<string, string | null> = {};
  const custom: Record<string, string | boolean | null> = {};
  for (const field of template) {
    if (field.key === 'phone') continue;
    const raw = values.fields[field.key];
    if (isFixedField(field.key)) fields[field.key] = blankToNull(raw);
    else custom[field.key] = typeof raw === 'boolean' ? raw : blankToNull(raw);
  }
  const comment = blankToNull(values.comment);
  return {
    fields,
    custom_fields: custom,
    result_status_id: values.result_status_id ?? null,
    ...(comment ? { comment } : {}),
  };
}

/** F-57: a template with `{field}` placeholders filled from the contact; unknown ones become empty. */
export function fillTemplate(text: string, contact: CardContact | null): string {
  return text.replace(/\{([a-z0-9_]+)\}/gi, (_match, key: string) => {
    const value = fieldValue(contact, key);
    return value === null || value === undefined ? '' : String(value);
  });
}

/** The client's local time (HH:mm:ss) in their zone; null for an unknown zone. */
export function localTime(timezone: string | null | undefined, now: number, locale = 'ru-RU'): string | null {
  if (!timezone) return null;
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone: timezone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    }).format(new Date(now));
  } catch {
    return null;
  }
}
