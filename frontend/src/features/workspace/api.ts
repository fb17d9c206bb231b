import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { isApiError } from '@/api/errors';
import { clearPoppedCard } from './poppedCard';
import type { Card, CardSaveBody } from './types';

export const workspaceKeys = {
  currentCard: ['cards', 'current'] as const,
  context: (contactId: string) => ['contacts', contactId, 'context'] as const,
  demoPhone: ['demo-phone'] as const,
};

/** The card of the operator's current call (or the one still to be saved); null when there is none. */
export function useCurrentCard(enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.currentCard,
    queryFn: async (): Promise<Card | null> => {
      try {
        return await call(api.GET('/api/cards/current'));
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}

/** The client's zone, whether numbers are shown, the e-mail and SMS templates (F-51, F-57). */
export function useContactContext(contactId: string | null | undefined) {
  return useQuery({
    queryKey: workspaceKeys.context(contactId ?? ''),
    queryFn: () =>
      call(api.GET('/api/contacts/{contact_id}/context', { params: { path: { contact_id: contactId ?? '' } } })),
    enabled: Boolean(contactId),
    staleTime: 60_000,
  });
}

export function useSaveCard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, body }: { callId: string; body: CardSaveBody }) =>
      call(api.PUT('/api/cards/{call_id}', { params: { path: { call_id: callId } }, body })),
    onSuccess: (_saved, { callId }) => {
      clearPoppedCard(callId);
      client.setQueryData(workspaceKeys.currentCard, null);
    },
  });
}

/** F-45: «Позвонить» — the operator's phone rings first, then the client. */
export function useManualCall() {
  return useMutation({
    mutationFn: (contactId: string) => call(api.POST('/api/cards/call', { body: { contact_id: contactId } })),
  });
}
