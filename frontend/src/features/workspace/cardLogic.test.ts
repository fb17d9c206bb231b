import { describe, expect, it } from 'vitest';
import { fillTemplate, initialValues, localTime, saveBlocker, saveBody } from './cardLogic';
import type { CardContact, CardField } from './types';

const contact: CardContact = {
  id: 'c1',
  phone: '79103905529',
  full_name: 'Иванов Иван',
  email: null,
  position: null,
  city: 'Воронеж',
  address: null,
  description: null,
  region: 'Воронежская обл.',
  birth_date: null,
  timezone: 'Europe/Moscow',
  custom_fields: { contract: 'Д-17', vip: true },
  result_status_id: null,
  phone_hidden: false,
};

function field(key: string, is_custom = false, field_type = 'text'): CardField {
  return { key, label: key, field_type, position: 0, is_custom, is_required: false };
}

const template = [
  field('full_name'),
  field('phone'),
  field('email'),
  field('contract', true),
  field('vip', true, 'checkbox'),
];

describe('saving the card (F-52)', () => {
  it('is refused without a result status and allowed with one', () => {
    expect(saveBlocker({ result_status_id: undefined })).toBe('statusRequired');
    expect(saveBlocker({ result_status_id: null })).toBe('statusRequired');
    expect(saveBlocker({ result_status_id: 's1' })).toBeNull();
  });

  it('sends fixed fields, custom fields, status and comment; blanks become null; the phone is not sent', () => {
    const values = initialValues(contact, template);
    expect(values.fields).toMatchObject({
      full_name: 'Иванов Иван',
      phone: '79103905529',
      contract: 'Д-17',
      vip: true,
    });
    values.fields.email = '  ';
    values.result_status_id = 's1';
    values.comment = ' Перезвонить завтра ';
    expect(saveBody(values, template)).toEqual({
      fields: { full_name: 'Иванов Иван', email: null },
      custom_fields: { contract: 'Д-17', vip: true },
      result_status_id: 's1',
      comment: 'Перезвонить завтра',
    });
  });

  it('leaves the comment out when it is empty', () => {
    const body = saveBody({ fields: {}, result_status_id: 's1', comment: '' }, []);
    expect(body).not.toHaveProperty('comment');
  });
});

describe('hidden numbers (F-51)', () => {
  it('works with the number as the server masked it and never sends it back', () => {
    const hidden: CardContact = { ...contact, phone: '*********29', phone_hidden: true };
    const values = initialValues(hidden, template);
    expect(values.fields.phone).toBe('*********29');
    expect(fillTemplate('Ваш номер {phone}', hidden)).toBe('Ваш номер *********29');
    const body = saveBody(values, template);
    expect(body.fields).not.toHaveProperty('phone');
    expect(body.custom_fields).not.toHaveProperty('phone');
  });
});

describe('templates (F-57)', () => {
  it('fills {field} placeholders from the contact, custom fields included, unknown ones empty', () => {
    expect(fillTemplate('Здравствуйте, {full_name} из {city}! Договор {contract}. {nope}', contact)).toBe(
      'Здравствуйте, Иванов Иван из Воронеж! Договор Д-17. ',
    );
    expect(fillTemplate('Тел. {phone}', null)).toBe('Тел. ');
  });
});

describe("the client's local time (F-51)", () => {
  const noonUtc = Date.UTC(2026, 0, 10, 12, 0, 5);
  it('is shown in the contact timezone', () => {
    expect(localTime('Asia/Yekaterinburg', noonUtc)).toBe('17:00:05');
    expect(localTime('Europe/Moscow', noonUtc)).toBe('15:00:05');
  });
  it('is unknown without a zone or with a wrong one', () => {
    expect(localTime(null, noonUtc)).toBeNull();
    expect(localTime('Mars/Olympus', noonUtc)).toBeNull();
  });
});
