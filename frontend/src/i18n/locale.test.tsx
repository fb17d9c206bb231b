import { act, waitFor } from '@testing-library/react';
import { Table } from 'antd';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { changeLocale, currentLocale } from './index';
import { LOCALE_STORAGE_KEY, storedLocale } from './locale';

afterEach(async () => {
  await act(() => changeLocale('ru'));
  window.localStorage.clear();
});

describe('language switch', () => {
  it('changes texts, the antd locale and dayjs together and remembers the choice', async () => {
    const { container } = renderWithProviders(<Table dataSource={[]} columns={[{ title: 'x', dataIndex: 'x' }]} />);
    const emptyText = () => container.querySelector('.ant-empty-description');
    await waitFor(() => expect(emptyText()).toHaveTextContent('Нет данных'));
    expect(dayjs.locale()).toBe('ru');

    await act(() => changeLocale('en'));

    await waitFor(() => expect(emptyText()).toHaveTextContent('No data'));
    expect(dayjs.locale()).toBe('en');
    expect(currentLocale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(storedLocale()).toBe('en');
  });

  it('does not remember a locale applied from the profile', async () => {
    await act(() => changeLocale('en', { persist: false }));
    expect(storedLocale()).toBeNull();
  });
});
