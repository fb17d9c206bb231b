import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '@/api/queryClient';
import { LocalizedConfigProvider } from '@/i18n/LocalizedConfigProvider';
import { createAppRouter } from './router';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={client}>
      <LocalizedConfigProvider>
        <RouterProvider router={router} />
      </LocalizedConfigProvider>
    </QueryClientProvider>
  );
}
