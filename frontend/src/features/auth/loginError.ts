import type { TFunction } from 'i18next';
import { isApiError } from '@/api/errors';

/** The message shown under the login form for a failed attempt. */
export function loginErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  if (error.status === 401) return t('login.wrongCredentials');
  if (error.status === 429) {
    return error.retryAfter
      ? t('login.tooManyAttemptsRetry', { seconds: error.retryAfter })
      : t('login.tooManyAttempts');
  }
  return error.detail ?? t('errors.generic');
}
