import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';
import { acceptLanguageMiddleware } from './acceptLanguage';
import { CSRF_HEADER, csrfMiddleware, readCookie } from './csrf';
import type { paths } from './schema';

function clientWithCookies(cookies: string) {
  const seen: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    seen.push(request);
    return new Response(JSON.stringify({}), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:5173', fetch });
  client.use(csrfMiddleware(() => cookies));
  return { client, seen };
}

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; obzvon_csrf=t%2Bk; b=2', 'obzvon_csrf')).toBe('t+k');
  });

  it('does not match a cookie whose name only ends the same', () => {
    expect(readCookie('xobzvon_csrf=bad', 'obzvon_csrf')).toBeNull();
  });

  it('returns null when the cookie is absent or the string is empty', () => {
    expect(readCookie('', 'obzvon_csrf')).toBeNull();
    expect(readCookie('a=1', 'obzvon_csrf')).toBeNull();
  });
});

describe('csrfMiddleware (double-submit, F-01)', () => {
  it('sends the cookie value as X-CSRF-Token on state-changing requests', async () => {
    const { client, seen } = clientWithCookies('obzvon_csrf=secret-token');
    await client.POST('/api/auth/login', { body: { email: 'a@b.c', password: 'x' } });
    await client.PUT('/api/operators/me/state', { body: { state: 'pause' } });
    await client.POST('/api/notifications/{notification_id}/read', { params: { path: { notification_id: 'n1' } } });
    expect(seen.map((r) => [r.method, r.headers.get(CSRF_HEADER)])).toEqual([
      ['POST', 'secret-token'],
      ['PUT', 'secret-token'],
      ['POST', 'secret-token'],
    ]);
  });

  it('leaves GET requests alone', async () => {
    const { client, seen } = clientWithCookies('obzvon_csrf=secret-token');
    await client.GET('/api/auth/me');
    expect(seen[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('sends no header when there is no CSRF cookie (the gateway will refuse the request)', async () => {
    const { client, seen } = clientWithCookies('other=1');
    await client.POST('/api/auth/logout');
    expect(seen[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('reads document.cookie by default', async () => {
    document.cookie = 'obzvon_csrf=from-document';
    const seen: Request[] = [];
    const client = createClient<paths>({
      baseUrl: 'http://127.0.0.1:5173',
      fetch: async (request: Request) => {
        seen.push(request);
        return new Response(null, { status: 204 });
      },
    });
    client.use(csrfMiddleware());
    await client.POST('/api/auth/logout');
    expect(seen[0]?.headers.get(CSRF_HEADER)).toBe('from-document');
  });
});

describe('acceptLanguageMiddleware', () => {
  it('asks for problem details in the UI language', async () => {
    const { client, seen } = clientWithCookies('');
    let locale = 'ru';
    client.use(acceptLanguageMiddleware(() => locale));
    await client.GET('/api/auth/me');
    locale = 'en';
    await client.GET('/api/auth/me');
    expect(seen.map((r) => r.headers.get('Accept-Language'))).toEqual(['ru', 'en']);
  });
});
