import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LocalizedConfigProvider } from '@/i18n/LocalizedConfigProvider';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** Renders a component with the app's providers; seed `client` before calling to avoid fetches. */
export function renderWithProviders(ui: ReactElement, client = testQueryClient()) {
  const result = render(
    <QueryClientProvider client={client}>
      <LocalizedConfigProvider>{ui}</LocalizedConfigProvider>
    </QueryClientProvider>,
  );
  return { ...result, client };
}

/** A fetch stand-in that records requests and answers JSON. */
export function jsonFetch(answer: (request: Request) => { status: number; body?: unknown }) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    const { status, body } = answer(request);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fetch, requests };
}
