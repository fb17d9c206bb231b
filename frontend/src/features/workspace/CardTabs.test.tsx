import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CardTabs } from './CardTabs';

const items = [
  { key: 'main', label: 'Главная', children: <p>поля</p> },
  { key: 'script', label: 'Скрипт разговора', children: <p>скрипт</p> },
  { key: 'sms', label: 'SMS', children: <p>шаблоны</p> },
];

describe('the card tabs (O §6)', () => {
  it('opens on «Главная», renders a tab when first opened and keeps it', () => {
    render(<CardTabs items={items} />);
    expect(screen.getByRole('tab', { name: 'Главная' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Главная' })).toHaveTextContent('поля');
    expect(screen.queryByText('скрипт')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Скрипт разговора' }));
    expect(screen.getByRole('tabpanel', { name: 'Скрипт разговора' })).toHaveTextContent('скрипт');
    expect(screen.getByText('поля')).not.toBeVisible();
    fireEvent.click(screen.getByRole('tab', { name: 'Главная' }));
    expect(screen.getByText('скрипт')).not.toBeVisible(); // kept, hidden
  });

  it('moves between tabs with the arrow keys, round the ends', () => {
    render(<CardTabs items={items} />);
    const main = screen.getByRole('tab', { name: 'Главная' });
    fireEvent.keyDown(main, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'SMS' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'SMS' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'SMS' }), { key: 'ArrowRight' });
    expect(main).toHaveAttribute('aria-selected', 'true');
  });
});
