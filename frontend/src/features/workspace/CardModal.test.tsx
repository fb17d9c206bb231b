import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders, testQueryClient } from '@/test/render';
import { workspaceKeys } from './api';
import { CardModal } from './CardModal';
import type { Card, ContactContext } from './types';

const card: Card = {
  call_id: 'call-1',
  project_id: 'p1',
  state: 'in_card',
  script_html: '<p>Приветствие</p>',
  template: [],
  result_statuses: [{ id: 's1', name: 'Отказ клиента', colour: '#f00' }],
  contact: {
    id: 'c1',
    phone: '*********29',
    phone_hidden: true,
    full_name: 'Иванов Иван',
    email: null,
    position: null,
    city: null,
    address: null,
    description: null,
    region: null,
    birth_date: null,
    timezone: 'Europe/Moscow',
    custom_fields: {},
    result_status_id: null,
  },
};

const context: ContactContext = {
  contact_id: 'c1',
  project_id: 'p1',
  timezone: 'Europe/Moscow',
  show_numbers: false,
  email_templates: [],
  sms_templates: [],
};

afterEach(() => vi.unstubAllGlobals());

describe('the client card (F-51, F-52)', () => {
  it(
    'has no way to close it, hides the number, and refuses to save without a status',
    { timeout: 20_000 },
    async () => {
      const server = jsonFetch((request) => {
        if (request.url.includes('/api/tasks')) return { status: 200, body: [] };
        return { status: 500 };
      });
      vi.stubGlobal('fetch', server.fetch);
      const client = testQueryClient();
      client.setQueryData(workspaceKeys.context('c1'), context);
      client.setQueryData(workspaceKeys.currentCard, card);
      renderWithProviders(
        <App>
          <CardModal card={card} open />
        </App>,
        client,
      );
      expect(await screen.findByText('Карточка клиента')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /close|закрыть/i })).not.toBeInTheDocument();
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
      fireEvent.click(screen.getByTestId('client-card-wrap'));
      expect(screen.getByRole('dialog', { name: 'Карточка клиента' })).toBeVisible();
      // The server masked the number (the project hides numbers): the card shows it as sent, marked hidden.
      expect(screen.getByTestId('card-phone')).toHaveValue('*********29');
      expect(screen.getByTestId('card-phone')).toHaveAttribute('data-hidden', 'true');
      expect(screen.getByLabelText('Номер скрыт настройками проекта')).toBeInTheDocument();
      expect(screen.getByTestId('card-field-full_name').querySelector('input')).toHaveValue('Иванов Иван');
      expect(screen.getByTestId('card-local-time').textContent).toMatch(/^Местное время: \d\d:\d\d:\d\d$/);
      expect(screen.getByTestId('card-send-lead')).toBeDisabled();

      fireEvent.click(screen.getByTestId('card-save'));
      await waitFor(() => expect(screen.getAllByText(/Выберите статус результата звонка/).length).toBeGreaterThan(0));
      expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
      expect(client.getQueryData(workspaceKeys.currentCard)).toEqual(card);
      expect(window.__obzvonCardTimings?.find((t) => t.callId === 'call-1')).toBeUndefined();
    },
  );
});
