import { describe, expect, it } from 'vitest';
import { call } from './client';
import { ApiError } from './errors';
import { shouldRetry } from './queryClient';

function result(status: number, body: unknown, headers: Record<string, string> = {}) {
  const response = new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  return Promise.resolve(response.ok ? { data: body, response } : { error: body, response });
}

describe('call', () => {
  it('resolves to the data of a successful response', async () => {
    await expect(call(result(200, { id: 1 }))).resolves.toEqual({ id: 1 });
  });

  it('throws an ApiError whose message is the problem detail', async () => {
    const problem = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Оператор в разговоре' };
    const error = await call(result(409, problem)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).detail).toBe('Оператор в разговоре');
  });

  it('reads Retry-After on 429', async () => {
    const error = await call(result(429, { title: 'Too Many Requests', status: 429 }, { 'Retry-After': '30' })).catch(
      (e: unknown) => e,
    );
    expect((error as ApiError).retryAfter).toBe(30);
  });

  it('fails on an error status even without a body', async () => {
    await expect(call(result(401, undefined))).rejects.toMatchObject({ status: 401 });
  });
});

describe('shouldRetry', () => {
  it('does not retry client errors and retries server errors twice', () => {
    expect(shouldRetry(0, new ApiError(404, {}))).toBe(false);
    expect(shouldRetry(0, new ApiError(503, {}))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, {}))).toBe(false);
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
  });
});
