import createClient from 'openapi-fetch';
import { currentLocale } from '@/i18n';
import { acceptLanguageMiddleware } from './acceptLanguage';
import { csrfMiddleware } from './csrf';
import { toApiError } from './errors';
import type { paths } from './schema';

/** Typed client for the gateway (same origin, session cookie). */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // Resolved per call, not captured once, so instrumentation and tests can wrap window.fetch.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(csrfMiddleware(), acceptLanguageMiddleware(currentLocale));

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Resolves to the response data, or throws an ApiError built from the problem+json body. */
export async function call<R extends FetchResult>(request: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  const result = await request;
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as Exclude<R['data'], undefined>;
}
