import type { TFunction } from 'i18next';
import { isApiError } from '@/api/errors';

/** What to tell the user about a failed request: the gateway's problem detail when there is one. */
export function errorText(error: unknown, t: TFunction, fallback?: string): string {
  if (isApiError(error)) return error.detail ?? fallback ?? t('errors.generic');
  return t('errors.network');
}
