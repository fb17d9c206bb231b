import type { Middleware } from 'openapi-fetch';

/** Asks the gateway for problem details in the UI's language (it answers in Russian by default). */
export function acceptLanguageMiddleware(getLocale: () => string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', getLocale());
      return request;
    },
  };
}
