import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { i18n } from '@/i18n';
import { loginErrorMessage } from './loginError';

const t = i18n.getFixedT('ru');

describe('loginErrorMessage (F-01)', () => {
  it('says the credentials are wrong on 401', () => {
    expect(loginErrorMessage(new ApiError(401, { detail: 'Invalid credentials' }), t)).toBe(
      'Неверный e-mail или пароль',
    );
  });

  it('explains the rate limit on 429, with the wait when the gateway gives one', () => {
    expect(loginErrorMessage(new ApiError(429, {}), t)).toMatch(/Слишком много попыток входа/);
    expect(loginErrorMessage(new ApiError(429, {}, 42), t)).toBe(
      'Слишком много попыток входа. Попробуйте снова через 42 с.',
    );
  });

  it('shows the problem detail for other errors and a network message when there is no answer', () => {
    expect(loginErrorMessage(new ApiError(403, { detail: 'Пользователь удалён' }), t)).toBe('Пользователь удалён');
    expect(loginErrorMessage(new TypeError('Failed to fetch'), t)).toBe(
      'Сервер недоступен. Проверьте подключение к сети.',
    );
  });
});
