import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { isApiError } from '@/api/errors';
import { workspaceKeys } from './api';
import type { DemoPhone } from './types';

/** The demo phone of the operator's extension; null when the installation has none (404). */
export function useDemoPhone() {
  return useQuery({
    queryKey: workspaceKeys.demoPhone,
    queryFn: async (): Promise<DemoPhone | null> => {
      try {
        return await call(api.GET('/api/demo-phone'));
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: (query) => (query.state.data === null ? false : 1000),
    retry: false,
  });
}

export function useDemoPhoneAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'answer' | 'hangup') =>
      action === 'answer' ? call(api.POST('/api/demo-phone/answer')) : call(api.POST('/api/demo-phone/hangup')),
    onSettled: () => client.invalidateQueries({ queryKey: workspaceKeys.demoPhone }),
  });
}
